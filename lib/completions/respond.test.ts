import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { logWriter, type CompletionLogRow } from "@/lib/logs/writer";
import { respondJson, respondStream } from "./respond";

// The engine's last step: turn the provider's answer into the client's Response and queue
// one log row. The log writer is replaced by a spy, the provider by in-memory streams.
const log = { promptId: "p1", promptVersionId: "v1" } as unknown as Omit<CompletionLogRow, "status">;
const elapsed = () => 42;
let queued: Array<CompletionLogRow | (() => CompletionLogRow)>;

beforeEach(() => {
  queued = [];
  vi.spyOn(logWriter, "enqueue").mockImplementation((row) => void queued.push(row));
});
afterEach(() => vi.restoreAllMocks());

const row = (index = 0): CompletionLogRow => {
  const entry = queued[index];
  return typeof entry === "function" ? entry() : entry;
};

const encoder = new TextEncoder();
function upstreamOf(parts: string[], failAfter?: Error): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const part of parts) controller.enqueue(encoder.encode(part));
      if (failAfter) controller.error(failAfter);
      else controller.close();
    },
  });
}
const chunk = (content: string, extra: Record<string, unknown> = {}) => `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content }, ...extra }] })}\n\n`;

describe("respondJson", () => {
  const answer = { id: "c1", choices: [{ finish_reason: "stop", message: { role: "assistant", content: "hi" } }], usage: { prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 } };

  it("answers the body as JSON with the given headers and logs a success with usage and finish reason", async () => {
    const response = respondJson(answer, log, elapsed, { "x-trace": "t1" });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-trace")).toBe("t1");
    expect(await response.json()).toEqual(answer);
    expect(queued).toHaveLength(1);
    expect(row()).toMatchObject({ promptId: "p1", status: "success", httpStatus: 200, latencyMs: 42, finishReason: "stop", response: answer });
  });

  it("sends the provider's raw text as is when given, without serializing again", async () => {
    const raw = '{"id":"c1",  "choices":[]}';
    const response = respondJson({ id: "c1", choices: [] }, log, elapsed, {}, raw);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.text()).toBe(raw);
    expect(row().finishReason).toBeNull();
  });
});

describe("respondStream", () => {
  const options = (overrides: Partial<Parameters<typeof respondStream>[1]> = {}) => ({
    log,
    elapsed,
    headers: { "x-trace": "t2" },
    abortUpstream: vi.fn(),
    clientSignal: new AbortController().signal,
    ...overrides,
  });

  it("passes the bytes through unchanged as an event stream and logs the summary once it ended", async () => {
    const parts = [chunk("Hel"), chunk("lo", { finish_reason: "stop" }), "data: [DONE]\n\n"];
    const response = respondStream(upstreamOf(parts), options());
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(response.headers.get("x-trace")).toBe("t2");
    expect(queued).toHaveLength(0);
    expect(await response.text()).toBe(parts.join(""));
    expect(row()).toMatchObject({ status: "success", httpStatus: 200, error: null, ttftMs: 42, finishReason: "stop", response: { content: "Hello" } });
  });

  it("times the first token, not a first chunk that carries only the role or nothing", async () => {
    // The clock reads 10 ms per chunk handed over: the n-th chunk arrives at n × 10.
    let now = 0;
    const paced = (parts: string[]) => {
      let next = 0;
      return new ReadableStream<Uint8Array>({
        pull(controller) {
          now = (next + 1) * 10;
          if (next < parts.length) controller.enqueue(encoder.encode(parts[next++]));
          else controller.close();
        },
      }, { highWaterMark: 0 });
    };
    const clock = { elapsed: () => now };
    const role = `data: ${JSON.stringify({ choices: [{ index: 0, delta: { role: "assistant", content: "" } }] })}\n\n`;
    const toolCall = `data: ${JSON.stringify({ choices: [{ index: 0, delta: { tool_calls: [{ index: 0, id: "c", function: { name: "f", arguments: "" } }] } }] })}\n\n`;
    await respondStream(paced([role, ": keep-alive\n\n", chunk("Hi"), chunk(" there")]), options(clock)).text();
    expect(row().ttftMs).toBe(30);
    await respondStream(paced([role, toolCall]), options(clock)).text();
    expect(row(1).ttftMs).toBe(20);
    // No output at all (only a role, then the end): no time to first token.
    await respondStream(paced([role, "data: [DONE]\n\n"]), options(clock)).text();
    expect(row(2).ttftMs).toBeNull();
  });

  it("ends a failing upstream with an SSE error event and logs the redacted error", async () => {
    const response = respondStream(upstreamOf([chunk("a")], new Error("boom sk-secret")), options({ redact: (text) => text.replace("sk-secret", "[redacted]") }));
    const text = await response.text();
    expect(text).toMatch(/event: error\ndata: .*\n\n$/);
    expect(row()).toMatchObject({ status: "error", httpStatus: 200 });
    expect(row().error).not.toContain("sk-secret");
  });

  it("aborts the upstream and logs a 499 when the client goes away", async () => {
    const client = new AbortController();
    const abortUpstream = vi.fn();
    const upstream = new ReadableStream<Uint8Array>({ pull: () => new Promise(() => {}) });
    const response = respondStream(upstream, options({ abortUpstream, clientSignal: client.signal }));
    client.abort();
    expect(abortUpstream).toHaveBeenCalled();
    await response.body!.cancel();
    expect(row()).toMatchObject({ status: "cancelled", httpStatus: 499 });
  });
});
