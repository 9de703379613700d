import { expect, test } from "@playwright/test";
import { E2E } from "../support/env";

const headers = { "x-portkey-api-key": E2E.apiKey };

test("a prompt's Metrics tab: both versions' numbers, charts, a call opened in the playground", async ({ page, request }) => {
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const key = await request.post("/v1/virtual-keys", {
    headers,
    data: { name: `Metrics mock ${stamp}`, provider: "openai", key: "sk-metrics-e2e-000000", custom_host: `${E2E.mockUrl}/v1` },
  });
  expect(key.ok()).toBe(true);
  const created = await request.post("/v1/prompts", {
    headers,
    data: { name: `Metrics journey ${stamp}`, string: JSON.stringify([{ role: "user", content: "Hi {{who}}" }]), model: "mock-model", virtual_key: (await key.json()).slug, parameters: {} },
  });
  expect(created.ok()).toBe(true);
  const prompt = (await created.json()) as { id: string };
  const v2 = await request.put(`/v1/prompts/${prompt.id}`, { headers, data: { string: JSON.stringify([{ role: "user", content: "Hello {{who}}" }]), patch: true } });
  expect(v2.ok()).toBe(true);

  // v2: two answers and one failure, one of them rated; then v1 (the published one) twice.
  const run = (ref: string, who: string, extra: Record<string, unknown> = {}, trace?: string) =>
    request.post(`/v1/prompts/${ref}/completions`, { headers: { ...headers, ...(trace ? { "x-portkey-trace-id": trace } : {}) }, data: { variables: { who }, ...extra } });
  expect((await run(`${prompt.id}@2`, "Ada", {}, `metrics-${stamp}`)).status()).toBe(200);
  expect((await run(`${prompt.id}@2`, "Bob")).status()).toBe(200);
  expect((await run(`${prompt.id}@2`, "Cy", { model: "mock-error-500" })).status()).toBe(500);
  expect((await run(prompt.id, "Dee")).status()).toBe(200);
  expect((await run(prompt.id, "Oslo")).status()).toBe(200);
  expect((await request.post("/v1/feedback", { headers, data: { trace_id: `metrics-${stamp}`, value: 4 } })).ok()).toBe(true);
  await expect.poll(async () => ((await (await request.get(`/v1/logs?prompt=${prompt.id}`, { headers })).json()).data as unknown[]).length).toBe(5);

  await page.goto(`/prompts/${prompt.id}`);
  await page.getByTestId("mode-metrics").click();
  const metrics = page.getByTestId("prompt-metrics");
  await expect(metrics.getByTestId("metrics-requests")).toHaveText("5");
  await expect(metrics.getByTestId("metrics-version-2-calls")).toHaveText("3");
  await expect(metrics.getByTestId("metrics-version-2-errors")).toHaveText("33.3%");
  await expect(metrics.getByTestId("metrics-version-2-feedback")).toHaveText("4.00 (1)");
  await expect(metrics.getByTestId("metrics-version-1-calls")).toHaveText("2");
  await expect(metrics.getByTestId("metrics-version-1-errors")).toHaveText("0.0%");
  for (const chart of ["requests", "errors", "latency", "ttft", "tokens", "cost"]) {
    await expect(metrics.getByTestId(`chart-${chart}`).locator("svg.recharts-surface").first()).toBeVisible();
  }
  // Narrowed to one version: only its calls.
  await page.locator("#metrics-version").selectOption("1");
  await expect(metrics.getByTestId("metrics-requests")).toHaveText("2");
  await page.locator("#metrics-version").selectOption("");

  // The history shows each version's calls and error rate.
  await page.getByTestId("toggle-history").click();
  await expect(page.getByTestId("version-usage-2")).toHaveText("3 calls · 33.3% errors");
  await expect(page.getByTestId("version-usage-1")).toHaveText("2 calls · 0% errors");
  await page.getByTestId("toggle-history").click();

  // The newest call (v1, "Oslo") opens, then opens in the playground on v1 with its variables.
  await metrics.getByTestId("metrics-call").first().click();
  await expect(page.getByTestId("log-detail")).toBeVisible();
  await expect(page.getByTestId("log-detail-version")).toContainText("v1");
  await page.getByTestId("log-open-playground").click();
  await expect(page).toHaveURL(new RegExp(`/prompts/${prompt.id}\\?version=1`));
  await expect(page.getByTestId("read-only-banner")).toBeVisible();
  await expect(page.getByTestId("variable-who")).toHaveValue("Oslo");

  // Usable on a phone-sized screen.
  await page.setViewportSize({ width: 375, height: 740 });
  await page.getByTestId("mode-metrics").click();
  await expect(page.getByTestId("metrics-versions")).toBeVisible();
  await expect(page.getByTestId("metrics-version-2-calls")).toBeVisible();
});
