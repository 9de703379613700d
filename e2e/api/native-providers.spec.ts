import { expect, test } from "@playwright/test";
import { Portkey } from "portkey-ai";
import { E2E } from "../support/env";

/**
 * Anthropic and Gemini prompts, through the official Portkey SDK against the running server
 * and the mock provider speaking each native wire format: the caller sees OpenAI's format
 * both ways, the mock sees a correct native request.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

const portkey = new Portkey({ apiKey: E2E.apiKey, baseURL: `${E2E.baseUrl}/v1` });

const SYSTEM = "You are a helpful assistant.";
const TEMPLATE = JSON.stringify([
  { role: "system", content: SYSTEM },
  { role: "user", content: "Hello" },
  { role: "assistant", content: "Hi! How can I help?" },
  { role: "user", content: "{{q}}" },
]);
const QUESTION = "What is Promptly?";
// The mock echoes the last user message, one token per word.
const ANSWER = `Mock answer to: ${QUESTION}`;
// Prompt tokens as the mock counts them: the words of the system prompt and every message.
const PROMPT_WORDS = [SYSTEM, "Hello", "Hi! How can I help?", QUESTION].join(" ").split(/\s+/).length;

const WEATHER_TOOL = {
  type: "function",
  function: {
    name: "get_weather",
    description: "Current weather for a city",
    parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
  },
};
const TOOL_CALLS = [
  { id: "toolu_e2e_1", name: "get_weather", arguments: { city: "Paris" } },
  { id: "toolu_e2e_2", name: "get_weather", arguments: { city: "Rome" } },
];

let counter = 0;
const unique = (base: string) => `${base} ${Date.now().toString(36)}${++counter}`;

async function mockControl(path: string, body?: unknown) {
  const response = await fetch(`${E2E.mockUrl}/__mock/${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`mock ${path}: ${response.status}`);
  return response.json();
}
const mockRequests = (): Promise<Json[]> => mockControl("requests");

async function nativeVirtualKey(provider: "anthropic" | "google") {
  const created = (await portkey.virtualKeys.create({
    name: unique(`native ${provider}`),
    provider,
    key: provider === "anthropic" ? "sk-ant-test" : "AIza-test",
    custom_host: E2E.mockUrl,
  })) as unknown as { slug: string };
  return created.slug;
}

async function createPrompt(virtualKey: string, model: string, extra: Json = {}) {
  const body = {
    name: unique(`native ${model}`),
    string: TEMPLATE,
    parameters: { model, max_tokens: 50, temperature: 0.5, stop: ["END"] },
    virtual_key: virtualKey,
    ...extra,
  };
  // collection_id is optional on this server (the default collection), not in the SDK's type.
  const created = (await portkey.prompts.create(body as unknown as Parameters<typeof portkey.prompts.create>[0])) as unknown as { id: string };
  return created.id;
}

async function complete(promptID: string, extra: Json = {}): Promise<Json> {
  return (await portkey.prompts.completions.create({ promptID, variables: { q: QUESTION }, ...extra, stream: false })) as Json;
}

async function completeStream(promptID: string, extra: Json = {}): Promise<Json[]> {
  const stream = await portkey.prompts.completions.create({ promptID, variables: { q: QUESTION }, ...extra, stream: true });
  const chunks: Json[] = [];
  for await (const chunk of stream as AsyncIterable<Json>) chunks.push(chunk);
  return chunks;
}

/** The tool calls an OpenAI client assembles from chunk deltas. */
function assembleToolCalls(chunks: Json[]) {
  const calls: Json[] = [];
  for (const delta of chunks.flatMap((c) => c.choices ?? []).flatMap((c: Json) => c.delta?.tool_calls ?? [])) {
    calls[delta.index] ??= { id: "", type: "function", function: { name: "", arguments: "" } };
    if (delta.id) calls[delta.index].id = delta.id;
    if (delta.function?.name) calls[delta.index].function.name = delta.function.name;
    calls[delta.index].function.arguments += delta.function?.arguments ?? "";
  }
  return calls;
}

/**
 * A prompt saved with WEATHER_TOOL forced, run once plain and once streamed while the mock
 * answers with TOOL_CALLS: both give the calls back in OpenAI's shape. Returns what the
 * provider received, for the caller to check its native tool fields.
 */
async function expectToolRoundTrip(virtualKey: string, model: string): Promise<Json[]> {
  const promptID = await createPrompt(virtualKey, model, {
    tools: [WEATHER_TOOL],
    tool_choice: { type: "function", function: { name: "get_weather" } },
  });
  await mockControl("behavior", { toolCalls: TOOL_CALLS });
  const completion = await complete(promptID);
  const toolCalls = completion.choices[0].message.tool_calls;
  expect(completion.choices[0].finish_reason).toBe("tool_calls");
  expect(toolCalls).toEqual(TOOL_CALLS.map((c) => ({ id: c.id, type: "function", function: { name: c.name, arguments: JSON.stringify(c.arguments) } })));
  const chunks = await completeStream(promptID);
  expect(assembleToolCalls(chunks)).toEqual(toolCalls);
  expect(chunks.at(-1)?.choices[0].finish_reason).toBe("tool_calls");
  return mockRequests();
}

function expectOpenAIStream(chunks: Json[], text: string, finish: string) {
  expect(chunks.length).toBeGreaterThan(2);
  expect(new Set(chunks.map((c) => c.id)).size).toBe(1);
  expect(chunks.every((c) => c.object === "chat.completion.chunk")).toBe(true);
  expect(chunks[0].choices[0].delta.role).toBe("assistant");
  expect(chunks.map((c) => c.choices[0].delta.content ?? "").join("")).toBe(text);
  expect(chunks.slice(0, -1).every((c) => c.choices[0].finish_reason === null)).toBe(true);
  expect(chunks.at(-1)?.choices[0].finish_reason).toBe(finish);
  expect(chunks.at(-1)?.usage).toMatchObject({ prompt_tokens: PROMPT_WORDS, total_tokens: expect.any(Number) });
}

test.describe("native providers through the Portkey SDK", () => {
  test.beforeEach(async () => {
    await mockControl("reset", {});
  });

  test.describe("Anthropic", () => {
    let virtualKey: string;
    test.beforeAll(async () => {
      virtualKey = await nativeVirtualKey("anthropic");
    });

    test("a chat prompt answers an OpenAI chat.completion from a correct Messages request", async () => {
      const promptID = await createPrompt(virtualKey, "claude-haiku-4-5");
      const completion = await complete(promptID);
      expect(completion).toMatchObject({
        id: expect.stringMatching(/^chatcmpl-msg_mock_/),
        object: "chat.completion",
        model: "claude-haiku-4-5",
        choices: [{ index: 0, message: { role: "assistant", content: ANSWER }, finish_reason: "stop" }],
        usage: { prompt_tokens: PROMPT_WORDS, completion_tokens: 6, total_tokens: PROMPT_WORDS + 6 },
      });

      const [request] = await mockRequests();
      expect(request.path).toBe("/v1/messages");
      expect(request.headers).toMatchObject({ "x-api-key": "sk-ant-test", "anthropic-version": "2023-06-01" });
      expect(request.body).toEqual({
        model: "claude-haiku-4-5",
        max_tokens: 50,
        system: SYSTEM,
        messages: [
          { role: "user", content: "Hello" },
          { role: "assistant", content: "Hi! How can I help?" },
          { role: "user", content: QUESTION },
        ],
        temperature: 0.5,
        stop_sequences: ["END"],
        stream: false,
      });
    });

    test("finish reasons come from the native stop reason", async () => {
      const promptID = await createPrompt(virtualKey, "claude-haiku-4-5");
      await mockControl("enqueue", [{ content: "Short answer. END of the story" }]);
      expect((await complete(promptID)).choices[0]).toMatchObject({ message: { content: "Short answer. " }, finish_reason: "stop" });
      expect((await complete(promptID, { max_tokens: 2 })).choices[0]).toMatchObject({ message: { content: "Mock answer " }, finish_reason: "length" });
      expect((await mockRequests()).map((r) => r.body.max_tokens)).toEqual([50, 2]);
    });

    test("streaming yields OpenAI chunks in order", async () => {
      const promptID = await createPrompt(virtualKey, "claude-haiku-4-5");
      expectOpenAIStream(await completeStream(promptID), ANSWER, "stop");
      const [request] = await mockRequests();
      expect(request.body).toMatchObject({ stream: true, system: SYSTEM, stop_sequences: ["END"] });
    });

    test("a saved prompt with tools and tool_choice round-trips, streamed or not", async () => {
      const requests = await expectToolRoundTrip(virtualKey, "claude-haiku-4-5");
      expect(requests).toHaveLength(2);
      for (const request of requests) {
        expect(request.body.tools).toEqual([
          { name: "get_weather", description: "Current weather for a city", input_schema: WEATHER_TOOL.function.parameters },
        ]);
        expect(request.body.tool_choice).toEqual({ type: "tool", name: "get_weather" });
      }
    });

    test("n: 2 and other settings Anthropic cannot honour are refused with a 400 before any call", async () => {
      const promptID = await createPrompt(virtualKey, "claude-haiku-4-5");
      const error = await complete(promptID, { n: 2 }).catch((caught: unknown) => caught as Json);
      expect(error.status).toBe(400);
      expect(String(error.message)).toContain("parameter 'n' is not supported by Anthropic model 'claude-haiku-4-5'");
      const seed = await complete(promptID, { seed: 42 }).catch((caught: unknown) => caught as Json);
      expect(seed.status).toBe(400);
      expect(String(seed.message)).toContain("parameter 'seed' is not supported by Anthropic");
      expect(await mockRequests()).toHaveLength(0);
    });

    test("an upstream overload keeps its status and names the provider", async () => {
      const promptID = await createPrompt(virtualKey, "claude-haiku-4-5");
      const error = await complete(promptID, { model: "mock-error-529" }).catch((caught: unknown) => caught as Json);
      expect(error.status).toBe(529);
      expect(String(error.message)).toContain("Anthropic error: Overloaded");
    });

    test("an error event mid-stream becomes the documented stream error, with Anthropic's message", async () => {
      const promptID = await createPrompt(virtualKey, "claude-haiku-4-5");
      await mockControl("enqueue", [{ streamErrorAfterTokens: 2 }]);
      // Raw SSE, to see the exact bytes the client receives.
      const response = await fetch(`${E2E.baseUrl}/v1/prompts/${promptID}/completions`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-portkey-api-key": E2E.apiKey },
        body: JSON.stringify({ variables: { q: QUESTION }, stream: true }),
      });
      const text = await response.text();
      const tail = text.slice(text.lastIndexOf("event: error"));
      const message = "upstream stream failed: Anthropic error: Overloaded (overloaded_error)";
      const error = { message, type: "upstream_error", param: null, code: "upstream_stream_failed" };
      expect(tail).toBe(`event: error\ndata: ${JSON.stringify({ message, error })}\n\n`);
      expect(text).not.toContain("[DONE]");
      expect(text).toContain('"content":"Mock "');
    });

    test("a stream the provider cuts short ends with the stream error event", async () => {
      const promptID = await createPrompt(virtualKey, "claude-haiku-4-5");
      const received: Json[] = [];
      const error = await (async () => {
        const stream = await portkey.prompts.completions.create({ promptID, variables: { q: QUESTION }, model: "mock-cut-2", stream: true });
        for await (const chunk of stream as AsyncIterable<Json>) received.push(chunk);
      })().catch((caught: unknown) => caught as Json);
      expect(received.map((c) => c.choices[0].delta.content ?? "").join("")).toBe("Mock answer ");
      expect(String(error?.message)).toContain("upstream stream failed");
    });
  });

  test.describe("Google Gemini", () => {
    let virtualKey: string;
    test.beforeAll(async () => {
      virtualKey = await nativeVirtualKey("google");
    });

    test("a chat prompt answers an OpenAI chat.completion from a correct generateContent request", async () => {
      const promptID = await createPrompt(virtualKey, "gemini-flash-test");
      const completion = await complete(promptID);
      expect(completion).toMatchObject({
        id: expect.stringMatching(/^chatcmpl-mock-/),
        object: "chat.completion",
        model: "gemini-flash-test",
        choices: [{ index: 0, message: { role: "assistant", content: ANSWER }, finish_reason: "stop" }],
        usage: { prompt_tokens: PROMPT_WORDS, completion_tokens: 6, total_tokens: PROMPT_WORDS + 6 },
      });

      const [request] = await mockRequests();
      expect(request.url).toBe("/v1beta/models/gemini-flash-test:generateContent");
      expect(request.headers).toMatchObject({ "x-goog-api-key": "AIza-test" });
      expect(request.body).toEqual({
        systemInstruction: { parts: [{ text: SYSTEM }] },
        contents: [
          { role: "user", parts: [{ text: "Hello" }] },
          { role: "model", parts: [{ text: "Hi! How can I help?" }] },
          { role: "user", parts: [{ text: QUESTION }] },
        ],
        generationConfig: { maxOutputTokens: 50, temperature: 0.5, stopSequences: ["END"] },
      });
    });

    test("finish reasons come from the native finishReason, and n maps to candidateCount", async () => {
      // Gemini 2.5: Gemini 3 answers a single candidate.
      const promptID = await createPrompt(virtualKey, "gemini-2.5-flash");
      expect((await complete(promptID, { max_tokens: 2 })).choices[0]).toMatchObject({ message: { content: "Mock answer " }, finish_reason: "length" });
      const two = await complete(promptID, { n: 2 });
      expect(two.choices.map((c: Json) => [c.index, c.message.content])).toEqual([[0, ANSWER], [1, ANSWER]]);
      expect((await mockRequests())[1].body.generationConfig).toMatchObject({ candidateCount: 2 });
    });

    test("streaming yields OpenAI chunks in order", async () => {
      const promptID = await createPrompt(virtualKey, "gemini-flash-test");
      expectOpenAIStream(await completeStream(promptID), ANSWER, "stop");
      const [request] = await mockRequests();
      expect(request.url).toBe("/v1beta/models/gemini-flash-test:streamGenerateContent?alt=sse");
      expect(request.body.systemInstruction).toEqual({ parts: [{ text: SYSTEM }] });
    });

    test("a saved prompt with tools and tool_choice round-trips, streamed or not", async () => {
      for (const request of await expectToolRoundTrip(virtualKey, "gemini-flash-test")) {
        expect(request.body.tools).toEqual([
          { functionDeclarations: [{ name: "get_weather", description: "Current weather for a city", parametersJsonSchema: WEATHER_TOOL.function.parameters }] },
        ]);
        expect(request.body.toolConfig).toEqual({ functionCallingConfig: { mode: "ANY", allowedFunctionNames: ["get_weather"] } });
      }
    });

    test("an error chunk mid-stream ends the stream with Google's message", async () => {
      const promptID = await createPrompt(virtualKey, "gemini-flash-test");
      await mockControl("enqueue", [{ streamErrorAfterTokens: 1 }]);
      const received: Json[] = [];
      const error = await (async () => {
        for await (const chunk of (await portkey.prompts.completions.create({ promptID, variables: { q: QUESTION }, stream: true })) as AsyncIterable<Json>) {
          received.push(chunk);
        }
      })().catch((caught: unknown) => caught as Json);
      expect(received.map((c) => c.choices[0].delta.content ?? "").join("")).toBe("Mock ");
      expect(String(error?.message)).toContain("Google Gemini error: The model is overloaded. Please try again later. (UNAVAILABLE)");
    });

    test("an upstream error keeps its status and names the provider", async () => {
      const promptID = await createPrompt(virtualKey, "gemini-flash-test");
      await mockControl("enqueue", [{ status: 429, retryAfter: "1" }]);
      const error = await complete(promptID).catch((caught: unknown) => caught as Json);
      expect(error.status).toBe(429);
      expect(String(error.message)).toContain("Google Gemini error: Resource has been exhausted");
    });
  });
});
