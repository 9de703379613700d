import { expect, test, type APIRequestContext } from "@playwright/test";
import { E2E } from "../support/env";

const headers = { "x-portkey-api-key": E2E.apiKey };

/** A prompt on the mock for `model`, run once; resolves once its log row is written. */
async function runOnce(request: APIRequestContext, model: string): Promise<string> {
  const key = await request.post("/v1/virtual-keys", { headers, data: { name: `Cost ${model} ${Date.now()}`, provider: "openai", key: "sk-cost-e2e-000000", custom_host: `${E2E.mockUrl}/v1` } });
  expect(key.ok()).toBe(true);
  const created = await request.post("/v1/prompts", {
    headers,
    data: { name: `Cost ${model} ${Date.now()}`, string: JSON.stringify([{ role: "user", content: "Hello {{who}}" }]), virtual_key: (await key.json()).slug, parameters: { model } },
  });
  expect(created.ok()).toBe(true);
  const promptId = ((await created.json()) as { id: string }).id;
  expect((await request.post(`/v1/prompts/${promptId}/completions`, { headers, data: { variables: { who: "there" } } })).status()).toBe(200);
  await expect.poll(async () => ((await (await request.get(`/v1/logs?prompt=${promptId}`, { headers })).json()).data as unknown[]).length, { timeout: 10_000 }).toBe(1);
  return promptId;
}

test("the Logs page shows a priced run's cost and an unpriced one's as unknown", async ({ page, request }) => {
  const priced = await runOnce(request, "gpt-4o-mini");
  const unpriced = await runOnce(request, "mock-model");
  const rows = page.getByTestId("log-row");

  await page.goto(`/logs?prompt=${priced}`);
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByTestId("log-row-cost")).toHaveText(/^\$0\.0\d*[1-9]/);
  await rows.first().getByRole("button").first().click();
  await expect(page.getByTestId("log-detail-cost")).toContainText("$0.0");

  await page.goto(`/logs?prompt=${unpriced}`);
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByTestId("log-row-cost")).toHaveText("unknown");
  await rows.first().getByRole("button").first().click();
  await expect(page.getByTestId("log-detail-cost")).toContainText("unknown");
  await expect(page.getByTestId("log-detail-cost")).not.toContainText("$0");
});

test("Settings lists declared prices and lets the owner add, edit and remove an override", async ({ page }) => {
  const model = `browser-priced-${Date.now().toString(36)}`;
  await page.goto("/settings?tab=model-prices");
  const table = page.getByTestId("model-prices-table");
  await expect(table.locator('[data-model="gpt-4o"][data-source="declared"]')).toContainText("$2.5");

  await page.getByRole("combobox", { name: "Provider" }).selectOption("ollama");
  await page.getByLabel("Model", { exact: true }).fill(model);
  await page.getByLabel("Input $ / 1M", { exact: true }).fill("-1");
  await page.getByLabel("Output $ / 1M", { exact: true }).fill("2");
  await page.getByTestId("model-price-submit").click();
  await expect(page.getByTestId("model-price-input-error")).toBeVisible();
  await page.getByLabel("Input $ / 1M", { exact: true }).fill("0.5");
  await page.getByTestId("model-price-submit").click();
  const row = table.locator(`[data-model="${model}"]`);
  await expect(row).toHaveAttribute("data-source", "override");
  await expect(row).toContainText("$0.5");

  await row.getByRole("button", { name: `Edit the price of ${model}` }).click();
  await expect(page.getByLabel("Model", { exact: true })).toHaveValue(model);
  await page.getByLabel("Output $ / 1M", { exact: true }).fill("3");
  await page.getByTestId("model-price-submit").click();
  await expect(row).toContainText("$3");

  await row.getByRole("button", { name: `Remove the override of ${model}` }).click();
  await expect(row).toHaveCount(0);
});
