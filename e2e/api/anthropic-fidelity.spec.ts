import { expect, test } from "@playwright/test";
import { E2E } from "../support/env";
import { mock } from "../support/mock";
import { createPrompt, mockVirtualKey, portkeyClient, uniqueName } from "../support/portkey";

/**
 * Inputs the real Messages API answers with a 400, through POST /v1/prompts/:id/completions
 * and a virtual key whose custom host is the mock, which refuses them per model as
 * api.anthropic.com does: each is mapped so the API takes it, or refused by Promptly with a
 * 400 naming the parameter and the model before any upstream call.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
const messages = (...list: Json[]) => JSON.stringify(list);

let promptId: string;

test.beforeAll(async () => {
  const portkey = portkeyClient();
  const virtualKey = await mockVirtualKey(portkey, "anthropic");
  promptId = (await createPrompt(portkey, {
    name: uniqueName("Anthropic fidelity"),
    string: messages({ role: "user", content: "Hello {{name}}" }),
    parameters: { model: "claude-sonnet-4-5", max_tokens: 50 },
    virtual_key: virtualKey,
  })).id;
});

test.beforeEach(async () => {
  await mock.reset();
});

async function complete(body: Json, config?: Json): Promise<{ status: number; json: Json; headers: Headers }> {
  const response = await fetch(`${E2E.baseUrl}/v1/prompts/${promptId}/completions`, {
    method: "POST",
    headers: {
      "x-portkey-api-key": E2E.apiKey,
      "content-type": "application/json",
      ...(config ? { "x-portkey-config": JSON.stringify(config) } : {}),
    },
    body: JSON.stringify({ variables: { name: "Claude" }, ...body }),
  });
  return { status: response.status, json: await response.json(), headers: response.headers };
}

/**
 * Promptly's own 400, naming the parameter (and the model), with nothing sent upstream. The
 * engine's refusals carry the parameter in `error.param`; the adapter's name it in the message.
 */
async function expectRefused(body: Json, param: string | null, mentions: string[]) {
  const { status, json } = await complete(body);
  expect(status).toBe(400);
  expect(json).toMatchObject({ status: "failure" });
  if (param) expect(json.error.param).toBe(param);
  for (const word of mentions) expect(json.error.message).toContain(word);
  expect(await mock.requests()).toHaveLength(0);
}

async function sentBody(): Promise<Json> {
  const requests = await mock.requests();
  expect(requests).toHaveLength(1);
  return requests[0].body;
}

test("sampling: temperature with top_p is refused for models that reject the pair, taken by older ones", async () => {
  await expectRefused({ model: "claude-sonnet-4-5", temperature: 0.5, top_p: 0.9 }, "top_p", ["claude-sonnet-4-5", "temperature"]);
  await expectRefused({ model: "claude-opus-4-1", temperature: 0.5, top_p: 0.9 }, "top_p", ["claude-opus-4-1"]);
  expect((await complete({ model: "claude-3-7-sonnet-latest", temperature: 0.5, top_p: 0.9, top_k: 40 })).status).toBe(200);
  expect(await sentBody()).toMatchObject({ temperature: 0.5, top_p: 0.9, top_k: 40 });
});

test("sampling: models after Opus 4.6 get no sampling settings; their defaults are dropped, other values refused", async () => {
  await expectRefused({ model: "claude-opus-4-7", temperature: 0.5 }, "temperature", ["claude-opus-4-7"]);
  await expectRefused({ model: "claude-opus-4-7", top_k: 40 }, "top_k", ["claude-opus-4-7"]);
  const { status } = await complete({ model: "claude-opus-4-7", temperature: 1, top_p: 0.99 });
  expect(status).toBe(200);
  const body = await sentBody();
  expect(body).not.toHaveProperty("temperature");
  expect(body).not.toHaveProperty("top_p");
});

test("stop sequences: a whitespace-only one is refused naming stop; an empty one is left out", async () => {
  await expectRefused({ stop: "\n" }, "stop", ["whitespace", "stop"]);
  expect((await complete({ stop: ["", "END"] })).status).toBe(200);
  expect((await sentBody()).stop_sequences).toEqual(["END"]);
});

test("whitespace-only text, such as Claude's own \"\\n\\n\" before a tool call, replayed, is never sent", async () => {
  const template = messages(
    { role: "user", content: "Weather in Paris?" },
    { role: "assistant", content: "\n\n", tool_calls: [{ id: "toolu_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } }] },
    { role: "tool", tool_call_id: "toolu_1", content: "18C" },
    { role: "assistant", content: [{ type: "text", text: " " }, { type: "text", text: "It is 18C." }] },
    { role: "user", content: "Thanks, {{name}}" },
  );
  const tools = [{ type: "function", function: { name: "get_weather", parameters: { type: "object", properties: { city: { type: "string" } } } } }];
  const { status } = await complete({ template, tools });
  expect(status).toBe(200);
  const body = await sentBody();
  expect(body.messages[1]).toEqual({ role: "assistant", content: [{ type: "tool_use", id: "toolu_1", name: "get_weather", input: { city: "Paris" } }] });
  expect(body.messages[3]).toEqual({ role: "assistant", content: "It is 18C." });
});

test("prefill: continued by a model that allows it, refused naming the model by one that does not", async () => {
  const template = messages({ role: "user", content: "Name a colour, {{name}}" }, { role: "assistant", content: "The colour is " });
  const allowed = await complete({ template, model: "claude-sonnet-4-5" });
  expect(allowed.status).toBe(200);
  expect(allowed.json.choices[0].message.content).toEqual(expect.any(String));
  expect((await sentBody()).messages.at(-1)).toEqual({ role: "assistant", content: "The colour is" });
  await mock.reset();
  await expectRefused({ template, model: "claude-sonnet-4-6" }, "messages", ["claude-sonnet-4-6", "prefill"]);
  await expectRefused({ template, model: "claude-opus-4-7" }, "messages", ["claude-opus-4-7"]);
});

test("response_format json_schema becomes structured outputs and the answer is the JSON; json_object is refused", async () => {
  const schema = { type: "object", properties: { city: { type: "string" }, days: { type: "integer", minimum: 1 } }, required: ["city", "days"] };
  const { status, json } = await complete({ response_format: { type: "json_schema", json_schema: { name: "trip", schema } } });
  expect(status).toBe(200);
  expect(JSON.parse(json.choices[0].message.content)).toEqual({ city: "mock", days: 1 });
  const body = await sentBody();
  expect(body).not.toHaveProperty("response_format");
  expect(body.output_config).toEqual({
    format: {
      type: "json_schema",
      schema: { type: "object", required: ["city", "days"], properties: { city: { type: "string" }, days: { type: "integer", description: "{minimum: 1}" } }, additionalProperties: false },
    },
  });
  await mock.reset();
  await expectRefused({ response_format: { type: "json_object" } }, "response_format", ["json_object"]);
  await expectRefused({ model: "claude-opus-4-1", response_format: { type: "json_schema", json_schema: { name: "trip", schema } } }, "response_format", ["claude-opus-4-1"]);
});

test("529 overloaded is retried by default, as a 503 is", async () => {
  await mock.enqueue({ status: 529 });
  const { status, json, headers } = await complete({}, { retry: { attempts: 2 } });
  expect(status).toBe(200);
  expect(json.object).toBe("chat.completion");
  expect(headers.get("x-portkey-retry-attempt-count")).toBe("1");
  expect(await mock.requests()).toHaveLength(2);
});

test("image/jpg is sent as the image/jpeg the API lists; an unlisted type is refused naming the message", async () => {
  const image = (type: string) => messages({ role: "user", content: [{ type: "text", text: "What is this, {{name}}?" }, { type: "image_url", image_url: { url: `data:${type};base64,${PNG}` } }] });
  expect((await complete({ template: image("image/jpg") })).status).toBe(200);
  expect((await sentBody()).messages[0].content[1]).toEqual({ type: "image", source: { type: "base64", media_type: "image/jpeg", data: PNG } });
  await mock.reset();
  await expectRefused({ template: image("image/bmp") }, "messages[0].content", ["messages[0].content", "image/bmp"]);
});

test("Anthropic's newer stop reasons come back as OpenAI finish reasons", async () => {
  for (const [reason, finish] of [["refusal", "content_filter"], ["model_context_window_exceeded", "length"]]) {
    await mock.setDefault({ finishReason: reason });
    expect((await complete({})).json.choices[0].finish_reason).toBe(finish);
  }
  await mock.setDefault(null);
});
