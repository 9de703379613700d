import { expect, test } from "@playwright/test";
import { Portkey } from "portkey-ai";
import { E2E } from "../support/env";
import { mock } from "../support/mock";

/**
 * Gemini requests the real API would refuse, and answers it can give, end to end: prompts run
 * through POST /v1/prompts/:id/completions with a virtual key whose custom host is the mock,
 * which validates per model as generativelanguage.googleapis.com does
 * (tests/mock-provider/gemini-validate.ts). Each test is one point of Gemini fidelity.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

const portkey = new Portkey({ apiKey: E2E.apiKey, baseURL: `${E2E.baseUrl}/v1` });

let counter = 0;
const unique = (base: string) => `${base} ${Date.now().toString(36)}${++counter}`;

const mockRequests = async (): Promise<Json[]> => (await mock.requests()).map((request) => request as unknown as Json);

async function geminiKey(key = "AIza-test") {
  const created = (await portkey.virtualKeys.create({ name: unique("gemini fidelity"), provider: "google", key, custom_host: E2E.mockUrl })) as unknown as { slug: string };
  return created.slug;
}

const ASK = [{ role: "user", content: "Weather in {{city}}?" }];

async function createPrompt(virtualKey: string, parameters: Json, messages: Json[] = ASK, extra: Json = {}) {
  const body = { name: unique(`gemini ${parameters.model}`), string: JSON.stringify(messages), parameters, virtual_key: virtualKey, ...extra };
  const created = (await portkey.prompts.create(body as unknown as Parameters<typeof portkey.prompts.create>[0])) as unknown as { id: string };
  return created.id;
}

async function complete(promptId: string, extra: Json = {}): Promise<{ status: number; body: Json }> {
  const response = await fetch(`${E2E.baseUrl}/v1/prompts/${promptId}/completions`, {
    method: "POST",
    headers: { "x-portkey-api-key": E2E.apiKey, "content-type": "application/json" },
    body: JSON.stringify({ variables: { city: "Paris" }, ...extra }),
  });
  const text = await response.text();
  return { status: response.status, body: extra.stream ? { text } : (JSON.parse(text) as Json) };
}

const WEATHER = {
  type: "function",
  function: {
    name: "get_weather",
    description: "Current weather for a city",
    parameters: {
      type: "object",
      properties: { city: { type: "string" }, days: { type: "integer", enum: [1, 3, 7] }, exact: { const: true }, site: { type: "string", format: "uri" } },
      required: ["city"],
      additionalProperties: false,
    },
  },
};

let virtualKey: string;
test.beforeAll(async () => {
  virtualKey = await geminiKey();
});
test.beforeEach(async () => {
  await mock.reset();
});

test("penalties: refused up front for models that reject them, sent to Gemini 2.0 Flash, never sent at their no-op value", async () => {
  const refused = await complete(await createPrompt(virtualKey, { model: "gemini-2.5-flash", presence_penalty: 0.5 }));
  expect(refused.status).toBe(400);
  expect(refused.body.error).toMatchObject({ param: "presence_penalty", message: expect.stringContaining("'gemini-2.5-flash'") });
  expect(await mockRequests()).toHaveLength(0);

  expect((await complete(await createPrompt(virtualKey, { model: "gemini-2.5-flash", presence_penalty: 0, frequency_penalty: 0 }))).status).toBe(200);
  expect((await complete(await createPrompt(virtualKey, { model: "gemini-2.0-flash", presence_penalty: 0.5 }))).status).toBe(200);
  const [zero, flash] = await mockRequests();
  expect(zero.body.generationConfig ?? {}).not.toHaveProperty("presencePenalty");
  expect(flash.body.generationConfig).toMatchObject({ presencePenalty: 0.5 });
});

test("n > 1: refused up front for Gemini 3, sent as candidateCount to Gemini 2.5", async () => {
  const refused = await complete(await createPrompt(virtualKey, { model: "gemini-3-flash-preview", n: 2 }));
  expect(refused.status).toBe(400);
  expect(refused.body.error).toMatchObject({ param: "n", message: expect.stringContaining("'gemini-3-flash-preview'") });
  expect(await mockRequests()).toHaveLength(0);

  const two = await complete(await createPrompt(virtualKey, { model: "gemini-2.5-flash", n: 2 }));
  expect(two.status).toBe(200);
  expect(two.body.choices).toHaveLength(2);
});

test("JSON Schema: current models get it whole, Gemini 2.0 gets Gemini's Schema subset it accepts", async () => {
  const current = await complete(await createPrompt(virtualKey, { model: "gemini-2.5-flash" }, ASK, { tools: [WEATHER] }));
  expect(current.status).toBe(200);
  const legacy = await complete(await createPrompt(virtualKey, { model: "gemini-2.0-flash" }, ASK, { tools: [WEATHER] }));
  expect(legacy.status).toBe(200);
  const schema = await complete(
    await createPrompt(virtualKey, { model: "gemini-2.0-flash" }, ASK, { response_format: { type: "json_schema", json_schema: { name: "w", schema: WEATHER.function.parameters } } }),
  );
  expect(schema.status).toBe(200);
  const [first, second, third] = await mockRequests();
  expect(first.body.tools[0].functionDeclarations[0].parametersJsonSchema.properties.days).toEqual({ type: "integer", enum: [1, 3, 7] });
  expect(second.body.tools[0].functionDeclarations[0].parameters.properties).toEqual({
    city: { type: "string" },
    days: { type: "string", enum: ["1", "3", "7"] },
    exact: { type: "string", enum: ["true"] },
    site: { type: "string" },
  });
  expect(third.body.generationConfig.responseSchema).toMatchObject({ type: "object", required: ["city"] });
});

test("JSON output with tools: refused up front where Gemini rejects the pair, sent to Gemini 3", async () => {
  const fields = { tools: [WEATHER], response_format: { type: "json_object" } };
  const refused = await complete(await createPrompt(virtualKey, { model: "gemini-2.5-flash" }, ASK, fields));
  expect(refused.status).toBe(400);
  expect(refused.body.error).toMatchObject({ param: "response_format", message: expect.stringContaining("together with tools") });
  expect(await mockRequests()).toHaveLength(0);
  expect((await complete(await createPrompt(virtualKey, { model: "gemini-3-flash-preview" }, ASK, fields))).status).toBe(200);
});

test("thought signatures: returned with the tool call, sent back on the next turn, thoughts kept out of the answer", async () => {
  const model = "gemini-3-flash-preview";
  await mock.enqueue({ toolCalls: [{ name: "get_weather", arguments: { city: "Paris" } }], thoughts: "I should call the tool" });
  const first = await complete(await createPrompt(virtualKey, { model }, ASK, { tools: [WEATHER] }));
  expect(first.status).toBe(200);
  const [call] = first.body.choices[0].message.tool_calls;
  const issued = (await mockRequests())[0];
  expect(call.extra_content.google.thought_signature).toEqual(expect.any(String));
  expect(call.id).toContain(call.extra_content.google.thought_signature);
  expect(first.body.choices[0].message.content).toBeNull();

  // The next turn replays the call as an OpenAI client does: id, name, arguments only.
  const history = [
    { role: "user", content: "Weather in Paris?" },
    { role: "assistant", content: null, tool_calls: [{ id: call.id, type: "function", function: call.function }] },
    { role: "tool", tool_call_id: call.id, content: '{"temp":18}' },
  ];
  await mock.enqueue({ content: "It is 18 degrees.", thoughts: "The tool said 18" });
  const second = await complete(await createPrompt(virtualKey, { model }, history, { tools: [WEATHER] }));
  expect(second.status).toBe(200);
  expect(second.body.choices[0].message.content).toBe("It is 18 degrees.");
  const replayed = (await mockRequests()).at(-1) as Json;
  expect(replayed.body.contents[1].parts[0]).toMatchObject({ functionCall: { name: "get_weather" }, thoughtSignature: call.extra_content.google.thought_signature });
  expect(issued.path).toBe(replayed.path);

  // Streamed, the call's first delta carries the signature the same two ways.
  await mock.enqueue({ toolCalls: [{ name: "get_weather", arguments: { city: "Paris" } }], thoughts: "I should call the tool" });
  const streamed = await complete(await createPrompt(virtualKey, { model }, ASK, { tools: [WEATHER] }), { stream: true });
  const deltas = streamed.body.text
    .split("\n")
    .filter((line: string) => line.startsWith("data: {"))
    .flatMap((line: string) => JSON.parse(line.slice(6)).choices[0].delta.tool_calls ?? []);
  const signature = deltas[0].extra_content.google.thought_signature;
  expect(deltas[0].id).toContain(`.sig.${signature}`);
  expect(streamed.body.text).not.toContain("I should call the tool");
});

test("finish reasons: a broken function call is an error naming it, a language stop is content_filter with the reason kept", async () => {
  const promptId = await createPrompt(virtualKey, { model: "gemini-2.5-flash" });
  await mock.enqueue({ finishReason: "MALFORMED_FUNCTION_CALL" }, { finishReason: "LANGUAGE" }, { finishReason: "TOO_MANY_TOOL_CALLS" });
  const malformed = await complete(promptId);
  expect(malformed.status).toBe(502);
  expect(malformed.body.error).toMatchObject({ code: "MALFORMED_FUNCTION_CALL", message: expect.stringContaining("MALFORMED_FUNCTION_CALL") });
  const language = await complete(promptId);
  expect(language.status).toBe(200);
  expect(language.body.choices[0]).toMatchObject({ finish_reason: "content_filter", native_finish_reason: "LANGUAGE" });
  const streamed = await complete(promptId, { stream: true });
  expect(streamed.body.text).toContain("event: error");
  expect(streamed.body.text).toContain("TOO_MANY_TOOL_CALLS");
  expect(streamed.body.text).not.toContain("[DONE]");
});

test("a bad API key, which Google answers 400 API_KEY_INVALID, is a 401", async () => {
  const badKey = await geminiKey("bad-key-123");
  const failed = await complete(await createPrompt(badKey, { model: "gemini-2.5-flash" }));
  expect(failed.status).toBe(401);
  expect(failed.body.error).toMatchObject({ type: "authentication_error", code: "authentication_error", message: "Google Gemini error: API key not valid. Please pass a valid API key." });
});
