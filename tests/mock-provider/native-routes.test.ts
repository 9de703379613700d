import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { readSseEvents, startMockProvider, type MockProvider } from "./index";

let mock: MockProvider;
beforeAll(async () => {
  mock = await startMockProvider();
});
afterEach(() => mock.reset());
afterAll(() => mock.close());

const anthropicHeaders = { "content-type": "application/json", "x-api-key": "sk-ant", "anthropic-version": "2023-06-01" };
const messages = (body: Record<string, unknown>, headers: Record<string, string> = anthropicHeaders) =>
  fetch(`${mock.url}/v1/messages`, {
    method: "POST",
    headers,
    body: JSON.stringify({ model: "claude-test", max_tokens: 100, messages: [{ role: "user", content: "Hi there" }], ...body }),
  });
const gemini = (method: string, body: Record<string, unknown>, model = "gemini-test", query = "") =>
  fetch(`${mock.url}/v1beta/models/${model}:${method}${query}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-goog-api-key": "AIza" },
    body: JSON.stringify({ contents: [{ role: "user", parts: [{ text: "Hi there" }] }], ...body }),
  });

describe("mock provider: Anthropic Messages API", () => {
  it("answers a Message with text, stop reason and usage, and records the request", async () => {
    const res = await messages({ system: "Be brief" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      type: "message",
      role: "assistant",
      model: "claude-test",
      content: [{ type: "text", text: "Mock answer to: Hi there" }],
      stop_reason: "end_turn",
      stop_sequence: null,
      usage: { input_tokens: 4, output_tokens: 5 },
    });
    expect(mock.requests[0]).toMatchObject({ path: "/v1/messages", body: { system: "Be brief" } });
  });

  it("honours stop sequences and max_tokens like the real API", async () => {
    expect(await (await messages({ stop_sequences: ["to:"] })).json()).toMatchObject({
      content: [{ text: "Mock answer " }],
      stop_reason: "stop_sequence",
      stop_sequence: "to:",
    });
    expect(await (await messages({ max_tokens: 2 })).json()).toMatchObject({ content: [{ text: "Mock answer " }], stop_reason: "max_tokens" });
  });

  it("streams the documented event sequence", async () => {
    const res = await messages({ stream: true });
    const events = await readSseEvents(res.body!);
    expect(events.map((e) => e.event)).toEqual([
      "message_start", "content_block_start", "ping",
      ...Array(5).fill("content_block_delta"),
      "content_block_stop", "message_delta", "message_stop",
    ]);
    expect(events.every((e) => JSON.parse(e.data).type === e.event)).toBe(true);
    expect(events.slice(3, 8).map((e) => JSON.parse(e.data).delta.text).join("")).toBe("Mock answer to: Hi there");
    expect(JSON.parse(events.at(-2)!.data)).toMatchObject({ delta: { stop_reason: "end_turn" }, usage: { output_tokens: 5 } });
  });

  it("streams tool calls as tool_use blocks with input_json_delta fragments", async () => {
    const toolCalls = [{ id: "toolu_a", name: "get_weather", arguments: { city: "Paris", days: 3 } }];
    const res = await messages({ stream: true }, { ...anthropicHeaders, "x-mock-behavior": JSON.stringify({ toolCalls }) });
    const data = (await readSseEvents(res.body!)).map((e) => JSON.parse(e.data));
    expect(data.find((d) => d.type === "content_block_start").content_block).toEqual({ type: "tool_use", id: "toolu_a", name: "get_weather", input: {} });
    const json = data.filter((d) => d.delta?.type === "input_json_delta").map((d) => d.delta.partial_json).join("");
    expect(JSON.parse(json)).toEqual({ city: "Paris", days: 3 });
    expect(data.find((d) => d.type === "message_delta").delta.stop_reason).toBe("tool_use");
  });

  it("answers errors in Anthropic's shape, with retry-after, and by model name", async () => {
    mock.enqueue({ status: 429, retryAfter: "3" });
    const limited = await messages({});
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("3");
    expect(await limited.json()).toMatchObject({ type: "error", error: { type: "rate_limit_error" } });
    const overloaded = await messages({ model: "mock-error-529" });
    expect(overloaded.status).toBe(529);
    expect(await overloaded.json()).toEqual({ type: "error", error: { type: "overloaded_error", message: "Overloaded" } });
  });

  it("checks what the real API checks: key, version header, max_tokens, roles", async () => {
    expect((await messages({}, { "content-type": "application/json", "anthropic-version": "2023-06-01" })).status).toBe(401);
    expect((await messages({}, { "content-type": "application/json", "x-api-key": "k" })).status).toBe(400);
    expect(await (await messages({ max_tokens: undefined })).json()).toMatchObject({ error: { message: "max_tokens: Field required" } });
    expect((await messages({ messages: [{ role: "system", content: "x" }] })).status).toBe(400);
  });

  it("sends Anthropic's in-stream error event after N tokens", async () => {
    mock.enqueue({ streamErrorAfterTokens: 2 });
    const events = await readSseEvents((await messages({ stream: true })).body!);
    expect(events.filter((e) => e.event === "content_block_delta")).toHaveLength(2);
    expect(events.at(-1)).toMatchObject({ event: "error" });
    expect(JSON.parse(events.at(-1)!.data)).toEqual({ type: "error", error: { type: "overloaded_error", message: "Overloaded" } });
  });

  it("cuts the stream after N tokens, losing message_stop", async () => {
    const res = await messages({ model: "mock-cut-2", stream: true });
    const seen: string[] = [];
    await expect(readSseEvents(res.body!, (e) => seen.push(e.event ?? ""))).rejects.toThrow();
    expect(seen).not.toContain("message_stop");
    expect(mock.requests[0]).toMatchObject({ cut: true, tokensSent: 2 });
  });
});

describe("mock provider: Gemini generateContent", () => {
  it("answers a GenerateContentResponse and reads the model from the URL", async () => {
    const res = await gemini("generateContent", { systemInstruction: { parts: [{ text: "Be brief" }] }, generationConfig: { candidateCount: 2 } });
    expect(await res.json()).toMatchObject({
      candidates: [
        { content: { parts: [{ text: "Mock answer to: Hi there" }], role: "model" }, finishReason: "STOP", index: 0 },
        { index: 1 },
      ],
      usageMetadata: { promptTokenCount: 4, candidatesTokenCount: 5, totalTokenCount: 9 },
      modelVersion: "gemini-test",
    });
    expect(mock.requests[0]).toMatchObject({ path: "/v1beta/models/gemini-test:generateContent" });
  });

  it("honours stopSequences and maxOutputTokens", async () => {
    const res = await gemini("generateContent", { generationConfig: { maxOutputTokens: 2 } });
    expect(await res.json()).toMatchObject({ candidates: [{ content: { parts: [{ text: "Mock answer " }] }, finishReason: "MAX_TOKENS" }] });
  });

  it("streams one chunk per token, the last with the finish reason and usage", async () => {
    const res = await gemini("streamGenerateContent", {}, "gemini-test", "?alt=sse");
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const chunks = (await readSseEvents(res.body!)).map((e) => JSON.parse(e.data));
    expect(chunks.slice(0, -1).map((c) => c.candidates[0].content.parts[0].text).join("")).toBe("Mock answer to: Hi there");
    expect(chunks.at(-1)).toMatchObject({ candidates: [{ finishReason: "STOP" }], usageMetadata: { candidatesTokenCount: 5 } });
    expect(new Set(chunks.map((c) => c.responseId)).size).toBe(1);
  });

  it("answers function calls, with an id only when the behaviour gives one", async () => {
    mock.enqueue({ toolCalls: [{ name: "get_weather", arguments: { city: "Paris" } }] });
    expect(await (await gemini("generateContent", {})).json()).toMatchObject({
      candidates: [{ content: { parts: [{ functionCall: { name: "get_weather", args: { city: "Paris" } } }] }, finishReason: "STOP" }],
    });
    const preset = await (await gemini("generateContent", {}, "mock-tools")).json();
    expect(preset.candidates[0].content.parts[0].functionCall).toEqual({ id: "call_mock_0", name: "get_weather", args: { city: "Paris" } });
  });

  it("answers errors in Google's shape, by behaviour or model name", async () => {
    const res = await gemini("generateContent", {}, "mock-error-503");
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: { code: 503, message: "The model is overloaded. Please try again later.", status: "UNAVAILABLE" } });
    mock.enqueue({ status: 429, retryAfter: "7", errorMessage: "quota" });
    const limited = await gemini("generateContent", {});
    expect([limited.status, limited.headers.get("retry-after"), (await limited.json()).error.status]).toEqual([429, "7", "RESOURCE_EXHAUSTED"]);
  });

  it("sends an error chunk mid-stream after N tokens", async () => {
    mock.enqueue({ streamErrorAfterTokens: 1, errorMessage: "busy" });
    const chunks = (await readSseEvents((await gemini("streamGenerateContent", {}, "g", "?alt=sse")).body!)).map((e) => JSON.parse(e.data));
    expect(chunks).toHaveLength(2);
    expect(chunks[1]).toEqual({ error: { code: 503, message: "busy", status: "UNAVAILABLE" } });
  });

  it("checks the key, the roles and alt=sse", async () => {
    const noKey = await fetch(`${mock.url}/v1beta/models/g:generateContent`, { method: "POST", body: JSON.stringify({ contents: [{ parts: [{ text: "x" }] }] }) });
    expect(noKey.status).toBe(403);
    expect((await gemini("generateContent", { contents: [{ role: "assistant", parts: [{ text: "x" }] }] })).status).toBe(400);
    expect((await gemini("streamGenerateContent", {})).status).toBe(400);
  });
});
