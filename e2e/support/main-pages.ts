import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { E2E } from "./env";

/**
 * The main pages, as one table: the accessibility and responsive specs visit each of them.
 * A new page is one line here. `ready` is a test id that shows once the page has its data;
 * `signedOut` pages are visited without the owner's session.
 */
export interface MainPage {
  name: string;
  path: (seed: Seed) => string;
  ready: string;
  signedOut?: boolean;
}

export const MAIN_PAGES: MainPage[] = [
  { name: "sign-in", path: () => "/sign-in", ready: "sign-in-form", signedOut: true },
  { name: "prompts", path: () => "/prompts", ready: "prompt-link" },
  { name: "prompt-workspace", path: (seed) => `/prompts/${seed.promptId}`, ready: "draft-status" },
  { name: "partials", path: () => "/partials", ready: "partial-link" },
  { name: "logs", path: () => "/logs", ready: "log-row" },
  { name: "analytics", path: () => "/analytics", ready: "chart-requests" },
  { name: "datasets", path: () => "/datasets", ready: "dataset-row" },
  { name: "dataset-detail", path: (seed) => `/datasets/${seed.datasetId}`, ready: "dataset-add-item" },
  { name: "experiments", path: () => "/experiments", ready: "experiment-row" },
  { name: "experiment-detail", path: (seed) => `/experiments/${seed.experimentId}`, ready: "results-grid" },
  { name: "releases", path: () => "/releases", ready: "release-row" },
  ...(["virtual-keys", "api-keys", "labels", "model-prices", "logs", "webhooks", "audit-log", "members"] as const).map((tab) => ({
    name: `settings-${tab}`,
    path: () => `/settings?tab=${tab}`,
    ready: `settings-tab-${tab}`,
  })),
];

export interface Seed {
  promptId: string;
  datasetId: string;
  experimentId: string;
}

const headers = { "x-portkey-api-key": E2E.apiKey };
const SEED_NAME = "Page tour";

async function json<T>(response: { ok(): boolean; text(): Promise<string>; json(): Promise<unknown> }): Promise<T> {
  expect(response.ok(), await response.text()).toBe(true);
  return (await response.json()) as T;
}

/**
 * A prompt with a logged call, a dataset, a finished experiment and an open release request:
 * enough for every page to show content. Made once per database: a second spec finds it.
 */
export async function seedMainPages(request: APIRequestContext): Promise<Seed> {
  const found = await json<{ data: { id: string; name: string }[] }>(await request.get(`/v1/prompts?search=${encodeURIComponent(SEED_NAME)}`, { headers }));
  const existing = found.data.find((p) => p.name === SEED_NAME);
  if (existing) {
    const datasets = await json<{ data: { id: string; name: string }[] }>(await request.get("/v1/datasets", { headers }));
    const experiments = await json<{ data: { id: string; name: string | null }[] }>(await request.get("/v1/experiments", { headers }));
    const datasetId = datasets.data.find((d) => d.name === SEED_NAME)?.id;
    const experimentId = experiments.data.find((e) => e.name === SEED_NAME)?.id;
    if (datasetId && experimentId) return { promptId: existing.id, datasetId, experimentId };
  }
  const stamp = Date.now().toString(36);
  const key = await json<{ slug: string }>(await request.post("/v1/virtual-keys", { headers, data: { name: `Tour mock ${stamp}`, provider: "openai", key: "sk-tour-0123456789", custom_host: `${E2E.mockUrl}/v1` } }));
  await json(await request.post("/v1/prompts/partials", { headers, data: { name: `Tour tone ${stamp}`, string: "Answer briefly." } }));
  const template = JSON.stringify([{ role: "system", content: "You answer for {{product}}." }, { role: "user", content: "{{question}}" }]);
  const prompt = await json<{ id: string }>(await request.post("/v1/prompts", { headers, data: { name: SEED_NAME, string: template, model: "gpt-4o-mini", virtual_key: key.slug } }));
  await json(await request.put(`/v1/prompts/${prompt.id}`, { headers, data: { string: template.replace("{{question}}", "In one line: {{question}}"), model: "gpt-4o-mini", virtual_key: key.slug } }));
  await json(await request.post(`/v1/prompts/${prompt.id}/completions`, { headers, data: { variables: { product: "Acme", question: "Where is my invoice?" } } }));
  const dataset = await json<{ id: string }>(
    await request.post("/v1/datasets", { headers, data: { name: SEED_NAME, items: [{ variables: { product: "Acme", question: "Invoice?" }, expected: "Mock answer" }] } }),
  );
  const experiment = await json<{ id: string }>(
    await request.post("/v1/experiments", {
      headers,
      data: { name: SEED_NAME, dataset_id: dataset.id, targets: [{ prompt: `${prompt.id}@1` }, { prompt: `${prompt.id}@2` }], scorers: [{ name: "mentions the answer", definition: { type: "contains" } }] },
    }),
  );
  await expect.poll(async () => (await json<{ status: string }>(await request.get(`/v1/experiments/${experiment.id}`, { headers }))).status).toBe("completed");
  await json(await request.post("/v1/release-requests", { headers, data: { prompt_id: prompt.id, version: 2, label: "production", comment: "Shorter answers." } }));
  return { promptId: prompt.id, datasetId: dataset.id, experimentId: experiment.id };
}

/** Opens a main page and waits until it shows its data and nothing is loading. */
export async function visit(page: Page, target: MainPage, seed: Seed) {
  await page.goto(target.path(seed));
  await expect(page.getByTestId(target.ready).first()).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await page.evaluate(() => document.fonts.ready);
}
