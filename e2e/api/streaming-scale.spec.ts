import net from "node:net";
import { expect, test } from "@playwright/test";
import { E2E } from "../support/env";
import { mock, type MockRequest } from "../support/mock";
import { createPrompt, mockVirtualKey, portkeyClient, uniqueName } from "../support/portkey";

// Streams under pressure: a reader that stops reading, a reader that leaves, many at once.
// Every assertion is about what happened and in which order, never how fast.
test.describe.configure({ mode: "serial" });

/** More than the kernel's socket buffers on the way can hold, less than the stream limit (64 MB). */
const FLOOD = 60 * 1024 * 1024;

let promptId: string;

test.beforeAll(async () => {
  const portkey = portkeyClient();
  promptId = (await createPrompt(portkey, {
    name: uniqueName("Streaming scale"),
    string: JSON.stringify([{ role: "user", content: "Hello {{name}}" }]),
    parameters: { model: "gpt-4o-mini" },
    virtual_key: await mockVirtualKey(portkey),
  })).id;
});

test.beforeEach(async () => {
  await mock.reset();
});

type Flooded = MockRequest & { bytesSent?: number; waitingDrain?: boolean };

/** A stream request on a plain socket, so the test decides when (and whether) to read. */
async function openStream() {
  const socket = net.connect({ host: "127.0.0.1", port: E2E.port });
  await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
  const body = JSON.stringify({ stream: true, variables: { name: "scale" } });
  socket.write(
    `POST /v1/prompts/${promptId}/completions HTTP/1.1\r\nhost: 127.0.0.1:${E2E.port}\r\nx-portkey-api-key: ${E2E.apiKey}\r\n` +
      `content-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
  let received = 0;
  let head = "";
  let tail = "";
  const started = new Promise<void>((resolve) => {
    socket.on("data", (chunk: Buffer) => {
      received += chunk.length;
      if (head.length < 4096) head += chunk.toString("latin1");
      tail = (tail + chunk.toString("latin1")).slice(-64);
      // Headers and the first event: the stream is flowing.
      if (/\r\n\r\n[\s\S]*data: /.test(head)) resolve();
    });
  });
  // The connection stays open (keep-alive): the chunked body's last chunk is the end.
  const complete = () => tail.endsWith("\r\n0\r\n\r\n");
  return { socket, started, complete, tail: () => tail, received: () => received };
}

const upstreamCall = async (): Promise<Flooded> => (await mock.requests()).find((r) => r.path === "/v1/chat/completions") as Flooded;

/** Polls until the mock's writes stop moving: "stalled", or "finished" had it written it all. */
async function upstreamState(): Promise<"moving" | "stalled" | "finished"> {
  const first = await upstreamCall();
  if (first?.finishedAt) return "finished";
  await new Promise((resolve) => setTimeout(resolve, 300));
  const second = await upstreamCall();
  if (second?.finishedAt) return "finished";
  return second?.waitingDrain && second.bytesSent === first?.bytesSent ? "stalled" : "moving";
}

test("backpressure: a reader that stops reading stops the upstream instead of the server buffering it", async () => {
  await mock.enqueue({ floodBytes: FLOOD });
  const stream = await openStream();
  await stream.started;
  stream.socket.pause();

  // The provider is held up by our paused reader: its writes wait, most of the flood unsent.
  await expect.poll(upstreamState, { timeout: 30_000, intervals: [0] }).toBe("stalled");
  const stalled = await upstreamCall();
  expect(stalled.bytesSent).toBeLessThan(FLOOD / 2);
  expect(stalled.closedEarly).toBe(false);

  // Reading again resumes it: every byte arrives and the stream ends properly.
  stream.socket.resume();
  await expect.poll(stream.complete, { timeout: 30_000 }).toBe(true);
  stream.socket.destroy();
  expect((await upstreamCall()).finishedAt).toBeDefined();
  expect(stream.received()).toBeGreaterThan(FLOOD);
  expect(stream.tail()).toContain("data: [DONE]");
});

test("disconnect: a client leaving a stream that waits on it (backpressure) closes the upstream connection", async () => {
  await mock.enqueue({ floodBytes: FLOOD });
  const stream = await openStream();
  await stream.started;
  stream.socket.pause();
  await expect.poll(upstreamState, { timeout: 30_000, intervals: [0] }).toBe("stalled");

  const leftAt = Date.now();
  stream.socket.destroy();
  await expect.poll(async () => (await upstreamCall()).closedEarly, { timeout: 10_000 }).toBe(true);
  const upstream = await upstreamCall();
  expect(upstream.closedAt!).toBeGreaterThanOrEqual(leftAt);
  expect(upstream.finishedAt).toBeUndefined();
});

test("disconnect: a client leaving a paced stream closes the upstream connection before its next tokens", async () => {
  await mock.enqueue({ tokens: 1_000, tokenDelayMs: 50 });
  const stream = await openStream();
  await stream.started;
  await expect.poll(async () => (await upstreamCall()).tokensSent, { timeout: 10_000 }).toBeGreaterThan(0);

  const leftAt = Date.now();
  stream.socket.destroy();
  await expect.poll(async () => (await upstreamCall()).closedEarly, { timeout: 10_000 }).toBe(true);
  const upstream = await upstreamCall();
  expect(upstream.closedAt!).toBeGreaterThanOrEqual(leftAt);
  expect(upstream.tokensSent).toBeLessThan(1_000);
});

test("100 concurrent paced streams all complete, every token in order, over no more upstream connections than streams", async () => {
  await mock.setDefault({ tokens: 20, tokenDelayMs: 50, stampTokens: true });
  const before = (await (await fetch(`${E2E.mockUrl}/__mock/stats`)).json()).connectionsOpened as number;
  try {
    const streams = await Promise.all(
      Array.from({ length: 100 }, async () => {
        const response = await fetch(`${E2E.baseUrl}/v1/prompts/${promptId}/completions`, {
          method: "POST",
          headers: { "x-portkey-api-key": E2E.apiKey, "content-type": "application/json" },
          body: JSON.stringify({ stream: true, variables: { name: "scale" } }),
        });
        expect(response.status).toBe(200);
        return response.text();
      }),
    );
    for (const text of streams) {
      expect(text.trimEnd().endsWith("data: [DONE]")).toBe(true);
      const stamps = [...text.matchAll(/"content":"@([\d.]+) "/g)].map((m) => Number(m[1]));
      expect(stamps).toHaveLength(20);
      expect([...stamps].sort((a, b) => a - b)).toEqual(stamps);
    }
  } finally {
    await mock.setDefault(null);
  }
  const opened = (await (await fetch(`${E2E.mockUrl}/__mock/stats`)).json()).connectionsOpened as number;
  expect(opened - before).toBeLessThanOrEqual(100);
});
