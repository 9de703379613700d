import { expect, test } from "@playwright/test";
import { E2E } from "../support/env";
import { portkeyClient } from "../support/portkey";

/**
 * Portkey's analytics calls through the official SDK, answered from the hourly rollups the
 * log writer keeps: a small seeded set (real completions against the mock, two prompts, one
 * failing with a 400 and one with a 503) whose exact numbers come from its log rows.
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
  return { status: response.status, text, json: (text ? JSON.parse(text) : {}) as Json };
}

async function promptFor(vk: string, model: string) {
  const prompt = await call("POST", "/v1/prompts", { name: `Analytics ${stamp()}`, string: JSON.stringify([{ role: "user", content: "Say {{word}}" }]), parameters: { model }, virtual_key: vk });
  expect(prompt.status, prompt.text).toBe(200);
  return prompt.json as { id: string; slug: string };
}

/** Bucket bounds of lib/analytics/histogram.ts: the answer must share the true value's bucket. */
function bucketBounds(ms: number): [number, number] {
  if (ms < 1) return [0, 1];
  const index = Math.floor(Math.log(ms) / Math.log(1.1) + 1e-9);
  return [1.1 ** index, 1.1 ** (index + 1)];
}
const nearestRank = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.ceil(p * values.length) - 1];

let ok: { id: string; slug: string };
let failing: { id: string; slug: string };
let logs: Json[] = [];
const window = { time_of_generation_min: new Date(Date.now() - 3_600_000).toISOString(), time_of_generation_max: new Date(Date.now() + 3_600_000).toISOString() };

test.beforeAll(async () => {
  const vk = await call("POST", "/v1/virtual-keys", { name: `analytics ${stamp()}`, provider: "openai", key: "sk-analytics-key-123456", custom_host: `${E2E.mockUrl}/v1` });
  expect(vk.status, vk.text).toBe(200);
  ok = await promptFor(vk.json.slug, "gpt-4.1-nano");
  failing = await promptFor(vk.json.slug, "mock-error-400");
  const failing503 = await promptFor(vk.json.slug, "mock-error-503");
  for (let i = 0; i < 4; i++) expect((await call("POST", `/v1/prompts/${ok.id}/completions`, { variables: { word: `w${i}` } })).status).toBe(200);
  expect((await call("POST", `/v1/prompts/${failing.id}/completions`, { variables: { word: "x" } })).status).toBe(400);
  expect((await call("POST", `/v1/prompts/${failing503.id}/completions`, { variables: { word: "y" } })).status).toBe(503);
  failing = { id: `${failing.id},${failing503.id}`, slug: `${failing.slug},${failing503.slug}` };
  // Rows are written in batches: wait until all six are stored (and so rolled up).
  const read = async () => {
    const all: Json[] = [];
    for (const id of [ok.id, ...failing.id.split(",")]) all.push(...(await call("GET", `/v1/logs?prompt=${id}`)).json.data);
    return all;
  };
  await expect.poll(async () => (logs = await read()).length).toBe(6);
});

test("graphs: requests, cost, tokens, errors and latency through the SDK, exact for the seeded calls", async () => {
  const portkey = portkeyClient();
  const slugs = `${ok.slug},${failing.slug}`;
  const q = { ...window, prompt_slug: slugs };

  const requests = (await portkey.analytics.graphs.requests(q)) as Json;
  expect(requests.object).toBe("analytics-graph");
  expect(requests.summary).toEqual({ total: 6 });
  expect(requests.data_points.reduce((sum: number, p: Json) => sum + p.total, 0)).toBe(6);
  expect(requests.data_points.every((p: Json) => !Number.isNaN(Date.parse(p.timestamp)))).toBe(true);

  const details = await Promise.all(logs.map(async (log) => (await call("GET", `/v1/logs/${log.id}`)).json));
  const cents = details.reduce((sum, log) => sum + (log.cost_usd ?? 0), 0) * 100;
  const cost = (await portkey.analytics.graphs.cost(q)) as Json;
  expect(cost.summary.total).toBeCloseTo(cents, 6);
  expect(cost.summary.total).toBeGreaterThan(0);

  const tokens = (await portkey.analytics.graphs.tokens(q)) as Json;
  expect(tokens.summary.total).toBe(details.reduce((sum, log) => sum + (log.usage.total_tokens ?? 0), 0));

  const errors = (await portkey.analytics.graphs.errors(q)) as Json;
  expect(errors.summary).toEqual({ total: 2, by_class: { "4xx": 1, "5xx": 1, other: 0 } });
  const rate = (await portkey.analytics.graphs.errors_rate(q)) as Json;
  expect(rate.summary.rate).toBeCloseTo(100 / 3, 3);
  const codes = (await portkey.analytics.graphs.errors_status_code(q)) as Json;
  expect(codes.summary).toEqual({ total_errors: 2, unique_error_codes: 2 });
  expect(codes.data_points).toEqual([
    { status_code: 400, count: 1 },
    { status_code: 503, count: 1 },
  ]);

  const latencies = logs.map((log) => log.latency_ms as number).filter((ms) => typeof ms === "number");
  const latency = (await portkey.analytics.graphs.latency(q)) as Json;
  for (const [key, p] of [["p50", 0.5], ["p90", 0.9], ["p99", 0.99]] as const) {
    const [lower, upper] = bucketBounds(nearestRank(latencies, p));
    expect(latency.summary[key], key).toBeGreaterThanOrEqual(Math.floor(lower));
    expect(latency.summary[key], key).toBeLessThanOrEqual(Math.ceil(upper));
  }
  expect(latency.summary.avg).toBe(Math.round(latencies.reduce((a, b) => a + b, 0) / latencies.length));

  const feedbacks = (await portkey.analytics.graphs.feedbacks(q)) as Json;
  expect(feedbacks.summary).toEqual({ total: 0 });
});

test("feedback per version and per label arm, exact through the SDK, whenever it arrives", async () => {
  const portkey = portkeyClient();
  const vk = await call("POST", "/v1/virtual-keys", { name: `analytics fb ${stamp()}`, provider: "openai", key: "sk-analytics-key-123456", custom_host: `${E2E.mockUrl}/v1` });
  const prompt = await promptFor(vk.json.slug, "gpt-4.1-nano");
  const v1 = (prompt as unknown as { version_id: string }).version_id;
  const v2 = await call("PUT", `/v1/prompts/${prompt.id}`, { string: JSON.stringify([{ role: "user", content: "Now say {{word}}" }]), patch: true });
  expect(v2.status, v2.text).toBe(200);
  const run = async (trace: string) => {
    const answer = await call("POST", `/v1/prompts/${prompt.id}@staging/completions`, { variables: { word: trace } }, { ...admin, "x-portkey-trace-id": trace });
    expect(answer.status, answer.text).toBe(200);
  };
  const trace = (n: number) => `${prompt.id}-t${n}`;
  // Feedback on t1 before its call is made: counted once the call's row is written.
  await portkey.feedback.create({ traceID: trace(1), value: 5 });
  // staging serves version 1 for two calls, then version 2 for three: two arms of one label.
  expect((await call("PUT", `/v1/prompts/${prompt.id}/versions/${v1}`, { label_id: "staging" })).status).toBe(200);
  await run(trace(1));
  await run(trace(2));
  expect((await call("PUT", `/v1/prompts/${prompt.id}/versions/${v2.json.prompt_version_id}`, { label_id: "staging" })).status).toBe(200);
  for (const n of [3, 4, 5]) await run(trace(n));
  let rows: Json[] = [];
  await expect.poll(async () => (rows = (await call("GET", `/v1/logs?prompt=${prompt.id}`)).json.data).length).toBe(5);
  await portkey.feedback.create([
    { traceID: trace(3), value: -2 },
    { traceID: trace(3), value: 4, weight: 0.5 },
  ]);
  const later = (await portkey.feedback.create({ traceID: trace(4), value: 1 })) as unknown as { feedback_ids: string[] };
  await portkey.feedback.update({ feedbackID: later.feedback_ids[0], value: 3, weight: 0.5 });

  const q = { ...window, prompt_id: prompt.id };
  // value × weight: 5, −2, 2, 1.5 over four feedbacks; values 5, −2, 4, 3.
  await expect.poll(async () => ((await portkey.analytics.graphs.requests(q)) as Json).summary.total).toBe(5);
  expect(((await portkey.analytics.graphs.feedbacks(q)) as Json).summary).toEqual({ total: 4 });
  expect(((await portkey.analytics.graphs.feedbacks_weighted(q)) as Json).summary).toEqual({ avg: 1.625 });
  expect(((await portkey.analytics.graphs.feedbacks_score(q)) as Json).data_points).toEqual([
    { score: -2, total: 1 },
    { score: 3, total: 1 },
    { score: 4, total: 1 },
    { score: 5, total: 1 },
  ]);
  expect(((await portkey.analytics.graphs.feedback_ai_models(q)) as Json).data_points).toEqual([{ ai_model: "gpt-4.1-nano", total: 4, avg_weighted_feedback: 1.625 }]);
  const summary = (await call("GET", `/v1/analytics/summary?prompt_id=${prompt.id}`)).json;
  expect(summary.summary.feedback).toEqual({ count: 4, requests_with_feedback: 3, mean: 2.5, avg_weighted: 1.625 });

  // Per version: calls, exact cost and mean latency from the rows, p50 within one bucket, feedback.
  const versions = (await portkey.analytics.groups.groupedData("prompt-versions" as never, { ...q, order_by: "prompt_version", order_by_type: "asc" })) as Json;
  expect(versions.total).toBe(2);
  const details = await Promise.all(rows.map(async (row) => (await call("GET", `/v1/logs/${row.id}`)).json));
  for (const [index, version, feedback] of [
    [0, 1, { feedback_count: 1, requests_with_feedback: 1, feedback_mean: 5, avg_weighted_feedback: 5 }],
    [1, 2, { feedback_count: 3, requests_with_feedback: 2, feedback_mean: 1.6667, avg_weighted_feedback: 0.5 }],
  ] as const) {
    const mine = details.filter((log) => log.prompt_version === version);
    const latencies = mine.map((log) => log.latency_ms as number);
    const group = versions.data[index];
    expect(group).toMatchObject({ prompt_id: prompt.id, prompt_version: version, requests: mine.length, error_count: 0, ...feedback });
    expect(group.cost).toBeCloseTo(mine.reduce((sum, log) => sum + (log.cost_usd ?? 0), 0) * 100, 6);
    expect(group.avg_latency).toBe(Math.round(latencies.reduce((a, b) => a + b, 0) / latencies.length));
    const [lower, upper] = bucketBounds(nearestRank(latencies, 0.5));
    expect(group.p50_latency).toBeGreaterThanOrEqual(Math.floor(lower));
    expect(group.p50_latency).toBeLessThanOrEqual(Math.ceil(upper));
  }

  // The label's arms: the version that served each call it addressed.
  const labels = (await portkey.analytics.groups.groupedData("labels" as never, q)) as Json;
  expect(labels.data.map((row: Json) => [row.label, row.prompt_version, row.requests, row.feedback_count])).toEqual([
    ["staging", 2, 3, 3],
    ["staging", 1, 2, 1],
  ]);
  expect(((await portkey.analytics.graphs.requests({ ...q, label: "staging", prompt_version: "2" } as never)) as Json).summary).toEqual({ total: 3 });

  // Portkey's weighted feedback filters: per call, the mean of value × weight (t1 5, t3 0, t4 1.5).
  expect(((await portkey.analytics.graphs.requests({ ...q, weighted_feedback_min: 1 })) as Json).summary).toEqual({ total: 2 });
  expect(((await portkey.analytics.graphs.requests({ ...q, weighted_feedback_max: 0 })) as Json).summary).toEqual({ total: 1 });
});

test("groups: ai-models, prompts and versions, metadata; the cache summary; filters narrow", async () => {
  const portkey = portkeyClient();
  const q = { ...window, prompt_slug: ok.slug };
  const models = (await portkey.analytics.groups.aiModels(q)) as Json;
  expect(models).toMatchObject({ object: "list", total: 1 });
  expect(models.data[0]).toMatchObject({ object: "analytics-group", ai_model: "gpt-4.1-nano", requests: 4, error_count: 0 });

  // prompt_slug is in Portkey's OpenAPI description, not in the SDK's parameter types.
  const both = { ...window, prompt_slug: `${ok.slug},${failing.slug}` };
  const prompts = (await portkey.analytics.groups.groupedData("prompt", both)) as Json;
  expect(prompts.total).toBe(3);
  expect(prompts.data[0]).toMatchObject({ prompt_id: ok.id, prompt_slug: ok.slug, requests: 4 });

  const versions = (await call("GET", `/v1/analytics/groups/prompt-versions?prompt_id=${ok.id}`)).json;
  expect(versions.data).toEqual([expect.objectContaining({ prompt_id: ok.id, prompt_version: 1, requests: 4 })]);

  const metadata = (await portkey.analytics.groups.metadata("env", q)) as Json;
  expect(metadata).toMatchObject({ object: "list", total: 0, data: [] });

  const cache = (await portkey.analytics.summary.cache(q)) as Json;
  expect(cache).toMatchObject({ object: "analytics-summary", summary: { hits: 0, total_requests: 4 } });

  const narrowed = { ...q, status_code: "400" };
  expect(((await portkey.analytics.graphs.requests(narrowed)) as Json).summary).toEqual({ total: 0 });
  const summary = (await call("GET", `/v1/analytics/summary?prompt_slug=${failing.slug}`)).json;
  expect(summary.summary).toMatchObject({ requests: 2, errors: 2, errors_by_class: { "4xx": 1, "5xx": 1, other: 0 } });
});

test("bad parameters and unknown graphs answer in the error envelope", async () => {
  const bad = await call("GET", "/v1/analytics/graphs/requests?time_of_generation_min=yesterday");
  expect(bad.status).toBe(400);
  expect(bad.json).toMatchObject({ status: "failure", error: { type: "invalid_request_error" } });
  const unknown = await call("GET", "/v1/analytics/graphs/nope");
  expect(unknown.status).toBe(404);
  expect(unknown.json.status).toBe("failure");
});

test("run-only keys are refused analytics (roles: lib/auth/route-access.test.ts)", async () => {
  const key = await call("POST", "/v1/api-keys", { name: `analytics run ${stamp()}`, scope: "completions" });
  expect(key.status, key.text).toBe(200);
  const refused = await call("GET", "/v1/analytics/graphs/requests", undefined, { "x-portkey-api-key": key.json.key });
  expect(refused.status).toBe(403);
});
