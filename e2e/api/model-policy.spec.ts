import { expect, test } from "@playwright/test";
import { E2E } from "../support/env";
import { mock } from "../support/mock";

/**
 * What each model accepts, checked by the engine before any upstream call (the provider's
 * declaration, per model family): a refusal names the parameter and the model, values a model
 * only takes at their default are not sent, and a prompt may opt in to dropping refused
 * parameters, named in x-promptly-dropped-params.
 */

const headers = { "content-type": "application/json", "x-portkey-api-key": E2E.apiKey };
let counter = 0;
const unique = (base: string) => `${base} ${Date.now().toString(36)}${++counter}`;

async function api(method: string, path: string, body?: unknown) {
  const response = await fetch(`${E2E.baseUrl}/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : null };
}

async function virtualKey(provider: "anthropic" | "google") {
  const created = await api("POST", "/virtual-keys", { name: unique(provider), provider, key: "test-key", custom_host: E2E.mockUrl });
  expect(created.status).toBe(200);
  return created.json.slug as string;
}

async function prompt(key: string, model: string, parameters: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const created = await api("POST", "/prompts", {
    name: unique(model),
    string: JSON.stringify([{ role: "user", content: "Hello {{name}}" }]),
    model,
    parameters: { max_tokens: 20, ...parameters },
    virtual_key: key,
    ...extra,
  });
  expect(created.status).toBe(200);
  return created.json.id as string;
}

const complete = (id: string, overrides: Record<string, unknown> = {}) => api("POST", `/prompts/${id}/completions`, { variables: { name: "Ada" }, ...overrides });

let anthropicKey: string;
let googleKey: string;

test.beforeAll(async () => {
  anthropicKey = await virtualKey("anthropic");
  googleKey = await virtualKey("google");
});

test.beforeEach(async () => {
  await mock.reset();
});

test("a per-request override the model refuses is a 400 naming the parameter and the model, and nothing is sent", async () => {
  const id = await prompt(anthropicKey, "claude-opus-4-7", {});
  const answer = await complete(id, { top_k: 5 });
  expect(answer.status).toBe(400);
  expect(answer.json.error).toMatchObject({ param: "top_k", code: "unsupported_parameter", message: "parameter 'top_k' is not supported by Anthropic model 'claude-opus-4-7'" });
  expect(await mock.requests()).toHaveLength(0);
});

test("temperature with top_p is refused for Claude Sonnet 4.5, and fine for Claude 3", async () => {
  const strict = await prompt(anthropicKey, "claude-sonnet-4-5", { temperature: 0.5, top_p: 0.9 });
  const refused = await complete(strict);
  expect(refused.status).toBe(400);
  expect(refused.json.error).toMatchObject({ param: "top_p", message: expect.stringContaining("temperature and top_p cannot both be set for Anthropic model 'claude-sonnet-4-5'") });
  const older = await prompt(anthropicKey, "claude-3-7-sonnet-latest", { temperature: 0.5, top_p: 0.9 });
  expect((await complete(older)).status).toBe(200);
  expect((await mock.requests())[0].body).toMatchObject({ temperature: 0.5, top_p: 0.9 });
});

test("a value the model only takes at its default is not sent", async () => {
  const id = await prompt(anthropicKey, "claude-opus-4-7", { temperature: 1, top_p: 1 });
  const answer = await complete(id);
  expect(answer.status).toBe(200);
  expect(answer.headers.get("x-promptly-dropped-params")).toBeNull();
  const sent = (await mock.requests())[0].body;
  expect(sent).not.toHaveProperty("temperature");
  expect(sent).not.toHaveProperty("top_p");
});

test("with drop_unsupported_params the refused parameters are dropped and named in a header", async () => {
  const id = await prompt(anthropicKey, "claude-opus-4-7", { temperature: 0.2, top_k: 5 }, { settings: { drop_unsupported_params: true } });
  const answer = await complete(id, { seed: 7 });
  expect(answer.status).toBe(200);
  expect(answer.headers.get("x-promptly-dropped-params")?.split(", ").sort()).toEqual(["seed", "temperature", "top_k"]);
  const sent = (await mock.requests())[0].body;
  for (const key of ["temperature", "top_k", "seed"]) expect(sent).not.toHaveProperty(key);
  // The setting reads back as saved.
  expect((await api("GET", `/prompts/${id}`)).json.settings).toMatchObject({ drop_unsupported_params: true });
});

test("a final assistant message is refused for models without prefill, and sent to those with it", async () => {
  const messages = JSON.stringify([{ role: "user", content: "Give JSON about {{name}}" }, { role: "assistant", content: "{" }]);
  const noPrefill = await prompt(anthropicKey, "claude-sonnet-4-6", {}, { string: messages });
  const refused = await complete(noPrefill);
  expect(refused.status).toBe(400);
  expect(refused.json.error).toMatchObject({ param: "messages", message: expect.stringContaining("Anthropic model 'claude-sonnet-4-6' does not continue a final assistant message") });
  expect(await mock.requests()).toHaveLength(0);
  const withPrefill = await prompt(anthropicKey, "claude-sonnet-4-5", {}, { string: messages });
  expect((await complete(withPrefill)).status).toBe(200);
  expect((await mock.requests())[0].body).toMatchObject({ messages: [{ role: "user" }, { role: "assistant", content: "{" }] });
});

test("Gemini penalties: refused by current models, sent to Gemini 2.0 Flash", async () => {
  const current = await prompt(googleKey, "gemini-2.5-flash", { presence_penalty: 0.5 });
  const refused = await complete(current);
  expect(refused.status).toBe(400);
  expect(refused.json.error).toMatchObject({ param: "presence_penalty", message: "parameter 'presence_penalty' is not supported by Google Gemini model 'gemini-2.5-flash'" });
  const older = await prompt(googleKey, "gemini-2.0-flash", { presence_penalty: 0.5 });
  expect((await complete(older)).status).toBe(200);
  expect((await mock.requests())[0].body).toMatchObject({ generationConfig: { presencePenalty: 0.5 } });
});
