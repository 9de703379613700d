import { expect, test } from "@playwright/test";
import { E2E } from "../support/env";

const headers = { "x-portkey-api-key": E2E.apiKey };

test("analytics: totals and charts for a prompt over the chosen range", async ({ page, request }) => {
  const key = await request.post("/v1/virtual-keys", {
    headers,
    data: { name: `Analytics mock ${Date.now()}`, provider: "openai", key: "sk-analytics-e2e-000000", custom_host: `${E2E.mockUrl}/v1` },
  });
  expect(key.ok()).toBe(true);
  const created = await request.post("/v1/prompts", {
    headers,
    data: { name: `Analytics journey ${Date.now()}`, string: JSON.stringify([{ role: "user", content: "Hi {{who}}" }]), model: "mock-model", virtual_key: (await key.json()).slug, parameters: {} },
  });
  expect(created.ok()).toBe(true);
  const prompt = (await created.json()) as { id: string };
  expect((await request.post(`/v1/prompts/${prompt.id}/completions`, { headers, data: { variables: { who: "a" } } })).status()).toBe(200);
  expect((await request.post(`/v1/prompts/${prompt.id}/completions`, { headers, data: { variables: { who: "b" }, model: "mock-error-500" } })).status()).toBe(500);
  await expect
    .poll(async () => ((await (await request.get(`/v1/logs?prompt=${prompt.id}`, { headers })).json()).data as unknown[]).length, { timeout: 10_000 })
    .toBe(2);

  await page.goto("/analytics");
  await expect(page.getByRole("heading", { name: "Analytics" })).toBeVisible();
  await page.getByLabel("Prompt").selectOption(prompt.id);
  await expect(page.getByTestId("analytics-requests")).toHaveText("2");
  await expect(page.getByTestId("analytics-errors")).toHaveText("1 (50.0%)");
  await page.getByLabel("Time range").selectOption("24h");
  await expect(page.getByTestId("analytics-requests")).toHaveText("2");
  for (const chart of ["requests", "errors", "latency", "cost"]) {
    await expect(page.getByTestId(`chart-${chart}`).locator("svg.recharts-surface").first()).toBeVisible();
  }
});
