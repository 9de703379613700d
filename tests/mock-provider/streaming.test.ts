import { request } from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { jsonChunks, readSseEvents, startMockProvider, type MockProvider } from "./index";

let mock: MockProvider;
beforeAll(async () => {
  mock = await startMockProvider();
});
afterEach(() => mock.reset());
afterAll(() => mock.close());

function stream(body: Record<string, unknown>, behavior?: object, signal?: AbortSignal) {
  return fetch(`${mock.openaiBaseUrl}/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(behavior ? { "x-mock-behavior": JSON.stringify(behavior) } : {}) },
    body: JSON.stringify({ model: "gpt-4o", messages: [{ role: "user", content: "Hi there" }], stream: true, ...body }),
    signal,
  });
}

describe("mock provider: streaming", () => {
  it("streams role chunk, one chunk per token, finish chunk, usage chunk and [DONE]", async () => {
    const res = await stream({ stream_options: { include_usage: true } });
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const events = await readSseEvents(res.body!);
    expect(events.at(-1)?.data).toBe("[DONE]");
    const chunks = jsonChunks(events);
    expect(chunks[0].choices[0].delta).toEqual({ role: "assistant", content: "" });
    expect(chunks.every((c) => c.object === "chat.completion.chunk" && c.id === chunks[0].id)).toBe(true);
    const tokens = chunks.slice(1, -2).map((c) => c.choices[0].delta.content);
    expect(tokens).toEqual(["Mock ", "answer ", "to: ", "Hi ", "there"]);
    expect(chunks.at(-2)?.choices[0]).toEqual({ index: 0, delta: {}, logprobs: null, finish_reason: "stop" });
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { completion_tokens: 5 } });
    expect(mock.requests[0]).toMatchObject({ tokensSent: 5, closedEarly: false, cut: false });
  });

  it("streams text_completion chunks for /v1/completions", async () => {
    const res = await fetch(`${mock.openaiBaseUrl}/completions`, {
      method: "POST",
      body: JSON.stringify({ model: "m", prompt: "Go", stream: true }),
    });
    const chunks = jsonChunks(await readSseEvents(res.body!));
    expect(chunks.map((c) => c.choices[0].text).join("")).toBe("Mock answer to: Go");
    expect(chunks[0].object).toBe("text_completion");
    expect(chunks.at(-1)?.choices[0].finish_reason).toBe("stop");
  });

  it("paces tokens: the first arrives while later ones are not yet produced", async () => {
    const res = await stream({}, { tokens: 4, tokenDelayMs: 60, firstTokenDelayMs: 0 });
    let sentWhenFirstArrived = -1;
    const events = await readSseEvents(res.body!, (event) => {
      if (sentWhenFirstArrived < 0 && event.data.includes("tok1")) sentWhenFirstArrived = mock.requests[0].tokensSent;
    });
    expect(sentWhenFirstArrived).toBe(1);
    // Pacing is shown by state, not by clock readings (a loaded machine stretches or bunches
    // timers): when the first token reached the reader, the mock had produced only that one.
    expect(events.filter((e) => e.data.includes('"content":"tok'))).toHaveLength(4);
  });

  it("cuts the connection after N tokens, without finish chunk or [DONE]", async () => {
    const res = await stream({ model: "mock-cut-2" });
    const received: string[] = [];
    await expect(readSseEvents(res.body!, (e) => received.push(e.data))).rejects.toThrow();
    expect(received.some((d) => d === "[DONE]")).toBe(false);
    expect(jsonChunks(received.map((data) => ({ data, event: null, at: 0 }))).slice(1)).toHaveLength(2);
    expect(mock.requests[0]).toMatchObject({ cut: true, tokensSent: 2, closedEarly: false });
  });

  it("streams tool calls as indexed deltas whose arguments reassemble", async () => {
    const toolCalls = [
      { name: "a", arguments: { x: 1, long: "a fairly long argument" } },
      { id: "call_b", name: "b", arguments: "{}" },
    ];
    const chunks = jsonChunks(await readSseEvents((await stream({}, { toolCalls })).body!));
    expect(chunks[0].choices[0].delta).toEqual({ role: "assistant", content: null });
    const deltas = chunks.slice(1, -1).flatMap((c) => c.choices[0].delta.tool_calls);
    const args = [0, 1].map((i) => deltas.filter((d) => d.index === i).map((d) => d.function.arguments).join(""));
    expect(JSON.parse(args[0])).toEqual(toolCalls[0].arguments);
    expect(args[1]).toBe("{}");
    expect(deltas.filter((d) => d.id).map((d) => [d.index, d.id, d.function.name])).toEqual([
      [0, "call_mock_0", "a"],
      [1, "call_b", "b"],
    ]);
    expect(chunks.at(-1)?.choices[0].finish_reason).toBe("tool_calls");
  });
});

describe("mock provider: disconnects and stalls", () => {
  it("records a client leaving mid-stream and stops writing", async () => {
    const controller = new AbortController();
    const res = await stream({}, { tokens: 50, tokenDelayMs: 30 }, controller.signal);
    const reader = res.body!.getReader();
    await reader.read();
    setTimeout(() => controller.abort(), 80);
    await expect(readAll(reader)).rejects.toThrow();
    const recorded = await mock.waitFor((r) => r.closedEarly, 2000);
    expect(recorded.closedAt).toBeGreaterThanOrEqual(recorded.receivedAt);
    const sentAtClose = recorded.tokensSent;
    expect(sentAtClose).toBeLessThan(50);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(mock.requests[0].tokensSent).toBe(sentAtClose);
  });

  it("stalls before any header and notices the client giving up", async () => {
    const started = Date.now();
    const call = stream({ model: "mock-stall" }, undefined, AbortSignal.timeout(150));
    await expect(call).rejects.toThrow();
    const recorded = await mock.waitFor((r) => r.closedEarly, 2000);
    expect(recorded.status).toBeUndefined();
    expect(recorded.behavior.stallMs).toBeGreaterThan(60_000);
    expect(recorded.closedAt! - started).toBeLessThan(1500);
  });

  it("close() ends stalled requests and leaves no timer running", async () => {
    // node:http rather than fetch: undici keeps its own 1 s tick timer, which would blur the count.
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
    const before = timers();
    const other = await startMockProvider();
    const pending = new Promise<Error>((resolve) => {
      const req = request(`${other.openaiBaseUrl}/chat/completions`, { method: "POST" }, () => resolve(new Error("answered")));
      req.on("error", resolve);
      req.end(JSON.stringify({ model: "mock-stall", messages: [] }));
    });
    const recorded = await other.waitFor(() => true);
    expect(recorded.behavior.stallMs).toBeGreaterThan(0);
    await other.close();
    expect((await pending).message).toMatch(/socket hang up|ECONNRESET/);
    expect(timers()).toBeLessThanOrEqual(before);
  });
});

async function readAll(reader: ReadableStreamDefaultReader<Uint8Array>) {
  for (;;) if ((await reader.read()).done) return;
}
