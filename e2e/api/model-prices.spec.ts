import { expect, test } from "@playwright/test";
import { E2E } from "../support/env";

/**
 * Cost on the log: a completion against the mock (which reports usage) is priced at the
 * declared price when its row is written; an admin's override prices the calls after it and
 * leaves the rows before it alone; a model without a price logs cost "unknown" (null), never 0.
 */

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const admin = { "x-portkey-api-key": E2E.apiKey };
const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = admin) {
  const response = await fetch(`${E2E.baseUrl}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  // A stream's body is SSE, not JSON.
  const json = response.headers.get("content-type")?.includes("json") && text ? (JSON.parse(text) as Json) : ({} as Json);
  return { status: response.status, text, json };
}

async function promptFor(model: string): Promise<string> {
  const vk = await call("POST", "/v1/virtual-keys", { name: `cost ${stamp()}`, provider: "openai", key: "sk-cost-test-key-123456", custom_host: `${E2E.mockUrl}/v1` });
  expect(vk.status, vk.text).toBe(200);
  const prompt = await call("POST", "/v1/prompts", { name: `Cost ${stamp()}`, string: JSON.stringify([{ role: "user", content: "Say {{word}} twice" }]), parameters: { model }, virtual_key: vk.json.slug });
  expect(prompt.status, prompt.text).toBe(200);
  return prompt.json.id;
}

/** Runs the prompt once and returns its log row (rows are written in batches: waits for it). */
async function runAndLog(promptId: string, seen: number, stream = false): Promise<Json> {
  const run = await call("POST", `/v1/prompts/${promptId}/completions`, { variables: { word: "cost" }, ...(stream ? { stream: true, stream_options: { include_usage: true } } : {}) });
  expect(run.status, run.text).toBe(200);
  let logs: Json[] = [];
  await expect.poll(async () => (logs = (await call("GET", `/v1/logs?prompt=${promptId}`)).json.data).length).toBe(seen + 1);
  return (await call("GET", `/v1/logs/${logs[0].id}`)).json;
}

const priced = (log: Json, input: number, output: number) => (log.usage.prompt_tokens * input + log.usage.completion_tokens * output) / 1e6;

test("a completion's log carries its cost at the declared price; an override prices later calls, not earlier ones", async () => {
  const model = "gpt-4.1-nano";
  const listed = await call("GET", "/v1/model-prices");
  expect(listed.status).toBe(200);
  const declared = listed.json.data.find((p: Json) => p.provider === "openai" && p.model === model);
  expect(declared).toMatchObject({ source: "declared", input_per_mtok: 0.1, output_per_mtok: 0.4, checked: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });

  const promptId = await promptFor(model);
  const first = await runAndLog(promptId, 0);
  expect(first.usage.prompt_tokens).toBeGreaterThan(0);
  expect(first.cost_usd).toBeCloseTo(priced(first, 0.1, 0.4), 12);
  expect(first.cost_usd).toBeGreaterThan(0);

  const put = await call("PUT", "/v1/model-prices", { provider: "openai", model, input_per_mtok: 1000, output_per_mtok: 2000, cached_input_per_mtok: 500 });
  expect(put.status, put.text).toBe(200);
  expect(put.json).toMatchObject({ source: "override", input_per_mtok: 1000, declared: { input_per_mtok: 0.1 } });
  let second: Json = {};
  try {
    // Streamed, with usage in the last chunk: priced like any other.
    second = await runAndLog(promptId, 1, true);
    expect(second.usage.completion_tokens).toBeGreaterThan(0);
    expect(second.cost_usd).toBeCloseTo(priced(second, 1000, 2000), 9);
    // The earlier row keeps the price of its day.
    expect((await call("GET", `/v1/logs/${first.id}`)).json.cost_usd).toBe(first.cost_usd);
    const list = (await call("GET", `/v1/logs?prompt=${promptId}`)).json.data;
    expect(list.map((row: Json) => row.cost_usd)).toEqual([second.cost_usd, first.cost_usd]);
  } finally {
    expect((await call("DELETE", `/v1/model-prices?provider=openai&model=${model}`)).status).toBe(200);
  }
  expect((await call("GET", "/v1/model-prices")).json.data.find((p: Json) => p.provider === "openai" && p.model === model).source).toBe("declared");
  expect((await call("DELETE", `/v1/model-prices?provider=openai&model=${model}`)).status).toBe(404);

  // Only an explicit recompute reprices logged rows: here, back at the declared price.
  const recompute = await call("POST", "/v1/model-prices/recompute", { from: second.created_at, to: second.created_at });
  expect(recompute.status, recompute.text).toBe(200);
  expect(recompute.json.updated).toBeGreaterThanOrEqual(1);
  expect((await call("GET", `/v1/logs/${second.id}`)).json.cost_usd).toBeCloseTo(priced(second, 0.1, 0.4), 12);
  expect((await call("POST", "/v1/model-prices/recompute", { from: second.created_at, to: first.created_at })).status).toBe(400);
});

test("a model without a price logs cost unknown (null), and an admin can price it", async () => {
  const model = `mock-unpriced-${stamp()}`;
  const promptId = await promptFor(model);
  const unknown = await runAndLog(promptId, 0);
  expect(unknown.usage.total_tokens).toBeGreaterThan(0);
  expect(unknown.cost_usd).toBeNull();

  expect((await call("PUT", "/v1/model-prices", { provider: "openai", model, input_per_mtok: 3, output_per_mtok: 6 })).status).toBe(200);
  const known = await runAndLog(promptId, 1);
  expect(known.cost_usd).toBeCloseTo(priced(known, 3, 6), 12);
  expect((await call("GET", `/v1/logs/${unknown.id}`)).json.cost_usd).toBeNull();
  expect((await call("DELETE", `/v1/model-prices?provider=${"openai"}&model=${encodeURIComponent(model)}`)).status).toBe(200);
});

test("price writes are checked, and refused to a run-only key", async () => {
  for (const body of [
    { provider: "openai", model: "x", input_per_mtok: -1, output_per_mtok: 1 },
    { provider: "nope", model: "x", input_per_mtok: 1, output_per_mtok: 1 },
    { provider: "openai", model: " ", input_per_mtok: 1, output_per_mtok: 1 },
    { provider: "openai", model: "x", input_per_mtok: 1 },
  ]) {
    const answer = await call("PUT", "/v1/model-prices", body);
    expect(answer.status, JSON.stringify(body)).toBe(400);
    expect(answer.json.status).toBe("failure");
  }
  const key = await call("POST", "/v1/api-keys", { name: `run-only ${stamp()}`, scope: "completions" });
  expect(key.status, key.text).toBe(200);
  const runOnly = { "x-portkey-api-key": key.json.key };
  const put = await call("PUT", "/v1/model-prices", { provider: "openai", model: "gpt-4o", input_per_mtok: 0, output_per_mtok: 0 }, runOnly);
  expect(put.status).toBe(403);
  expect(put.json.error.type).toBe("permission_error");
  expect((await call("DELETE", "/v1/model-prices?provider=openai&model=gpt-4o", undefined, runOnly)).status).toBe(403);
  expect((await call("GET", "/v1/model-prices")).json.data.find((p: Json) => p.model === "gpt-4o").source).toBe("declared");
});
