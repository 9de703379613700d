import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { toWebStream } from "@/lib/core/http/chunk-source";
import { startMockProvider, type MockProvider } from "@/tests/mock-provider";
import { anthropic } from "./anthropic";
import { google } from "./google";
import { assembleText, assembleToolCalls, readTranslated } from "@/tests/fixtures/native-streams";
import type { Provider } from "./types";

/** Each native adapter against the mock provider speaking that provider's wire format. */

let mock: MockProvider;
beforeAll(async () => {
  mock = await startMockProvider();
});
afterEach(() => mock.reset());
afterAll(() => mock.close());

const cases: Array<[string, Provider, string]> = [
  ["Anthropic", anthropic, "claude-test"],
  ["Google Gemini", google, "gemini-test"],
];

describe.each(cases)("%s adapter against the mock", (_name, provider, model) => {
  const send = (body: Record<string, unknown>, signal?: AbortSignal) =>
    provider.send({
      kind: "chat",
      body: { model, messages: [{ role: "system", content: "Be brief" }, { role: "user", content: "Hi there" }], stream: false, ...body },
      credentials: { apiKey: "test-key", customHost: mock.url },
      signal,
    });
  const streamed = async (body: Record<string, unknown>) => {
    const result = await send({ ...body, stream: true });
    if (!result.ok || !result.stream) throw new Error(`expected a stream, got ${JSON.stringify(result)}`);
    return readTranslated(result.body);
  };

  it("answers an OpenAI chat.completion from the native answer", async () => {
    const result = await send({ max_tokens: 50 });
    expect(result).toMatchObject({
      ok: true,
      body: {
        object: "chat.completion",
        model,
        choices: [{ message: { role: "assistant", content: "Mock answer to: Hi there" }, finish_reason: "stop" }],
        usage: { prompt_tokens: 4, completion_tokens: 5, total_tokens: 9 },
      },
    });
  });

  it("maps the native length and stop-sequence endings", async () => {
    expect(await send({ max_tokens: 2 })).toMatchObject({ body: { choices: [{ message: { content: "Mock answer " }, finish_reason: "length" }] } });
    expect(await send({ stop: ["answer"] })).toMatchObject({ body: { choices: [{ message: { content: "Mock " }, finish_reason: "stop" }] } });
  });

  it("streams tokens as they are produced, not at the end", async () => {
    mock.enqueue({ tokens: 4, tokenDelayMs: 60, firstTokenDelayMs: 0 });
    const result = await send({ stream: true });
    if (!result.ok || !result.stream) throw new Error("expected a stream");
    const reader = toWebStream(result.body).getReader();
    const decoder = new TextDecoder();
    let text = "";
    while (!text.includes("tok1")) text += decoder.decode((await reader.read()).value);
    expect(mock.requests[0].tokensSent).toBeLessThan(4);
    while (!(await reader.read()).done);
  });

  it("reassembles a tool-call stream into the tool_calls of the JSON answer", async () => {
    const toolCalls = [
      { id: "toolu_mock_1", name: "get_weather", arguments: { city: "Paris", unit: "celsius" } },
      { id: "toolu_mock_2", name: "get_time", arguments: {} },
    ];
    mock.setBehavior({ toolCalls });
    const json = await send({});
    const stream = await streamed({});
    if (!json.ok || json.stream) throw new Error("expected JSON");
    const choice = (json.body as { choices: Array<{ message: { tool_calls: unknown }; finish_reason: string }> }).choices[0];
    expect(choice.finish_reason).toBe("tool_calls");
    expect(assembleToolCalls(stream.chunks)).toEqual(choice.message.tool_calls);
    expect(choice.message.tool_calls).toEqual([
      { id: "toolu_mock_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris","unit":"celsius"}' } },
      { id: "toolu_mock_2", type: "function", function: { name: "get_time", arguments: "{}" } },
    ]);
    expect(stream.chunks.at(-1)?.choices[0].finish_reason).toBe("tool_calls");
  });

  it("errors the stream when the provider cuts it short", async () => {
    const { chunks, error } = await streamed({ model: "mock-cut-2" });
    expect(assembleText(chunks)).toBe("Mock answer ");
    expect(error).not.toBeNull();
  });

  it("ends the stream with the provider's message when it reports an error mid-stream", async () => {
    mock.enqueue({ streamErrorAfterTokens: 2, errorMessage: "Overloaded right now" });
    const { chunks, error } = await streamed({});
    expect(assembleText(chunks)).toBe("Mock answer ");
    expect(error?.message).toContain(`${provider.displayName} error: Overloaded right now`);
  });

  it("keeps the upstream status and message of an error", async () => {
    const status = provider.id === "anthropic" ? 529 : 503;
    mock.enqueue({ status, retryAfter: "2" });
    expect(await send({})).toMatchObject({ ok: false, status, retryAfter: "2", code: provider.id === "anthropic" ? "overloaded_error" : "UNAVAILABLE" });
  });

  it("stops the upstream request when the caller aborts", async () => {
    mock.enqueue({ tokens: 50, tokenDelayMs: 30 });
    const controller = new AbortController();
    const result = await send({ stream: true }, controller.signal);
    if (!result.ok || !result.stream) throw new Error("expected a stream");
    const reader = toWebStream(result.body).getReader();
    await reader.read();
    controller.abort();
    await reader.cancel();
    const recorded = await mock.waitFor((r) => r.closedEarly, 2000);
    expect(recorded.tokensSent).toBeLessThan(50);
  });
});
