import { expect, test } from "@playwright/test";
import { E2E } from "../support/env";

const headers = { "x-portkey-api-key": E2E.apiKey };

test("the log detail shows the call's metadata and the feedback on its trace", async ({ page, request }) => {
  const tag = `browser_${Date.now().toString(36)}`;
  const logged = await request.post("/v1/logs", {
    headers,
    data: { request: { url: "https://api.openai.com/v1/chat/completions", body: { model: "gpt-4o" } }, response: { status: 200, body: { model: "gpt-4o" } }, metadata: { trace_id: `${tag}-trace`, team: tag } },
  });
  expect(logged.ok()).toBe(true);
  const [id] = ((await logged.json()) as { log_ids: string[] }).log_ids;
  expect((await request.post("/v1/feedback", { headers, data: { trace_id: `${tag}-trace`, value: 7, weight: 0.5, metadata: { comment: "spot on" } } })).ok()).toBe(true);

  await page.goto(`/logs?log=${id}`);
  await expect(page.getByTestId("log-detail-metadata")).toContainText(tag);
  const entry = page.getByTestId("log-detail-feedback-entry");
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText("+7");
  await expect(entry).toContainText("weight 0.5");
  await expect(entry).toContainText("spot on");

  // The list filtered by a metadata pair, typed into the filters.
  await page.goto("/logs");
  await page.getByTestId("log-filter-metadata").fill(`team=${tag}`);
  await page.getByTestId("log-filter-metadata").press("Enter");
  await expect(page).toHaveURL(/metadata=team/);
  await expect(page.getByTestId("log-row")).toHaveCount(1);
});

test("Settings → Logs shows the log count and database size, and saves the retention", async ({ page }) => {
  await page.goto("/settings?tab=logs");
  await expect(page.getByTestId("log-settings-count")).toHaveText(/^\d[\d,]*$/);
  await expect(page.getByTestId("log-settings-size")).toHaveText(/\d+(\.\d)? (B|KB|MB|GB)/);
  const field = page.getByTestId("log-retention-days");
  await field.fill("-2");
  await page.getByTestId("log-retention-save").click();
  await expect(page.getByTestId("log-retention-days-error")).toBeVisible();
  await field.fill("45");
  await page.getByTestId("log-retention-save").click();
  await expect(page.getByTestId("log-retention-source")).toHaveText("Currently 45 days, set here.");
  await page.reload();
  await expect(page.getByTestId("log-retention-days")).toHaveValue("45");
  await page.getByTestId("log-retention-reset").click();
  await expect(page.getByTestId("log-retention-source")).toHaveText("Currently forever, the default.");
});
