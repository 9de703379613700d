import { expect, test, type APIRequestContext } from "@playwright/test";
import { E2E } from "../support/env";

const headers = { "x-portkey-api-key": E2E.apiKey };

// Logs are written ~200 ms after a completion: wait for each before the next run, so the
// newest-first order is the order of the runs.
async function waitForLogs(request: APIRequestContext, promptId: string, count: number) {
  await expect
    .poll(async () => ((await (await request.get(`/v1/logs?prompt=${promptId}`, { headers })).json()).data as unknown[]).length, { timeout: 10_000 })
    .toBe(count);
}

test("logs: runs listed newest first, filtered by prompt and status, each opening its details", async ({ page, request }) => {
  const key = await request.post("/v1/virtual-keys", {
    headers,
    data: { name: `Logs mock ${Date.now()}`, provider: "openai", key: "sk-logs-e2e-000000", custom_host: `${E2E.mockUrl}/v1` },
  });
  expect(key.ok()).toBe(true);
  const template = [
    { role: "system", content: "You are a terse guide." },
    { role: "user", content: "Tell me about {{topic}}" },
  ];
  const created = await request.post("/v1/prompts", {
    headers,
    data: { name: `Logs journey ${Date.now()}`, string: JSON.stringify(template), model: "mock-model", virtual_key: (await key.json()).slug, parameters: {} },
  });
  expect(created.ok()).toBe(true);
  const prompt = (await created.json()) as { id: string; slug: string };
  const run = (body: Record<string, unknown>) => request.post(`/v1/prompts/${prompt.id}/completions`, { headers, data: body });

  expect((await run({ variables: { topic: "tide pools" } })).status()).toBe(200);
  await waitForLogs(request, prompt.id, 1);
  expect((await run({ variables: { topic: "volcanoes" }, model: "mock-error-500" })).status()).toBe(500);
  await waitForLogs(request, prompt.id, 2);
  // An unsaved draft, as the playground sends it: logged as a draft.
  const draft = JSON.stringify([{ role: "user", content: "Draft about {{topic}}" }]);
  expect((await run({ variables: { topic: "glaciers" }, template: draft })).status()).toBe(200);
  await waitForLogs(request, prompt.id, 3);

  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/logs");
  await expect(page.getByTestId("logs-table")).toBeVisible();
  await page.getByLabel("Prompt").selectOption(prompt.id);
  await expect(page).toHaveURL(new RegExp(`prompt=${prompt.id}`));
  const rows = page.getByTestId("log-row");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toHaveAttribute("data-status", "success");
  await expect(rows.nth(0)).toContainText("Draft");
  await expect(rows.nth(1)).toHaveAttribute("data-status", "error");
  await expect(rows.nth(1).getByTestId("log-row-status")).toContainText("Error");
  await expect(rows.nth(1)).toContainText("mock-error-500");
  await expect(rows.nth(2)).toHaveAttribute("data-status", "success");
  await expect(rows.nth(2)).toContainText("v1");
  await page.screenshot({ path: "test-results/screenshots/logs.png", fullPage: true });

  await page.getByLabel("Status").selectOption("error");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute("data-status", "error");
  await page.getByLabel("Status").selectOption("cancelled");
  await expect(page.getByTestId("logs-empty")).toContainText("No logs match");
  await page.getByLabel("Status").selectOption("");
  await expect(rows).toHaveCount(3);

  // Time: a recent preset keeps the runs, a custom range in the past has none.
  await page.getByLabel("Time").selectOption("1h");
  await expect(page).toHaveURL(/range=1h/);
  await expect(rows).toHaveCount(3);
  await page.getByLabel("Time").selectOption("custom");
  await page.getByLabel("From", { exact: true }).fill("2020-01-01T00:00");
  await page.getByLabel("To", { exact: true }).fill("2020-01-02T00:00");
  await expect(page.getByTestId("logs-empty")).toContainText("No logs match");
  await page.getByLabel("Time").selectOption("");
  await expect(rows).toHaveCount(3);
  await page.getByLabel("Status").selectOption("error");
  // The filtered list first: a click before it refreshes would open the previous first row.
  await expect(rows).toHaveCount(1);

  // The failed run: its error, variables, rendered request and version.
  await rows.first().click();
  const detail = page.getByTestId("log-detail");
  await expect(detail).toBeVisible();
  await expect(detail.getByTestId("log-detail-status")).toContainText("Error");
  await expect(detail.getByTestId("log-detail-error")).toContainText("500");
  await expect(detail.getByTestId("log-detail-variables")).toContainText('"topic": "volcanoes"');
  await expect(detail.getByTestId("log-detail-request")).toContainText("Tell me about volcanoes");
  await expect(detail.getByTestId("log-detail-version")).toContainText("v1");
  await page.keyboard.press("Escape");
  await expect(detail).toBeHidden();

  // The successful v1 run, opened from the keyboard: its answer, latency and usage.
  await page.getByLabel("Status").selectOption("success");
  await expect(rows).toHaveCount(2);
  await rows.nth(1).getByRole("button").focus();
  await page.keyboard.press("Enter");
  await expect(detail.getByTestId("log-detail-status")).toContainText("Success");
  await expect(detail.getByTestId("log-detail-request")).toContainText("You are a terse guide.");
  await expect(detail.getByTestId("log-detail-request")).toContainText("Tell me about tide pools");
  await expect(detail.getByTestId("log-detail-response")).toContainText("Mock answer to: Tell me about tide pools");
  await expect(detail.getByTestId("log-detail-variables")).toContainText("tide pools");
  await expect(detail.getByTestId("log-detail-version")).toContainText("v1");
  await expect(detail.getByTestId("log-detail-latency")).toHaveText(/\d+(\.\d+)? m?s/);
  await expect(detail.getByTestId("log-detail-usage")).toHaveText(/\d+ \/ \d+ \/ \d+/);
  await page.screenshot({ path: "test-results/screenshots/logs-detail.png", fullPage: true });

  // The open log is in the URL: a reload shows it again; closing removes it.
  await page.reload();
  await expect(detail.getByTestId("log-detail-response")).toContainText("Mock answer to");
  await detail.getByTestId("log-detail-close").click();
  await expect(page).not.toHaveURL(/log=/);

  // The draft run says so.
  await rows.first().click();
  await expect(detail.getByTestId("log-detail-version")).toContainText("Draft");
  await expect(detail.getByTestId("log-detail-request")).toContainText("Draft about glaciers");
  await page.emulateMedia({ colorScheme: "dark" });
  await page.reload();
  await expect(detail.getByTestId("log-detail-version")).toContainText("Draft");
  await page.screenshot({ path: "test-results/screenshots/logs-detail-dark.png" });
});

test("log explorer: search and filters in the URL, and the filter exported as a download", async ({ page, request }) => {
  const key = await request.post("/v1/virtual-keys", {
    headers,
    data: { name: `Explorer mock ${Date.now()}`, provider: "openai", key: "sk-logs-e2e-000000", custom_host: `${E2E.mockUrl}/v1` },
  });
  const tag = Date.now().toString(36);
  const created = await request.post("/v1/prompts", {
    headers,
    data: { name: `Explorer ${tag}`, string: JSON.stringify([{ role: "user", content: "Describe {{animal}}" }]), model: "mock-model", virtual_key: (await key.json()).slug, parameters: {} },
  });
  const prompt = (await created.json()) as { id: string };
  for (const animal of [`narwhal${tag}`, `axolotl${tag}`, `axolotl${tag} pond`]) {
    expect((await request.post(`/v1/prompts/${prompt.id}/completions`, { headers, data: { variables: { animal } } })).status()).toBe(200);
  }
  await waitForLogs(request, prompt.id, 3);

  await page.goto("/logs");
  const rows = page.getByTestId("log-row");
  await page.getByTestId("log-filter-q").fill(`axolotl${tag}`);
  await page.getByTestId("log-filter-q").press("Enter");
  await expect(page).toHaveURL(new RegExp(`q=axolotl${tag}`));
  await expect(rows).toHaveCount(2);
  // Another filter narrows the search; the URL alone brings the view back.
  await page.getByTestId("log-filter-q").fill(`axolotl${tag} pond`);
  await page.getByTestId("log-filter-q").press("Enter");
  await expect(rows).toHaveCount(1);
  await page.getByTestId("log-filter-model").fill("no-such-model");
  await page.getByTestId("log-filter-model").press("Enter");
  await expect(page.getByTestId("logs-empty")).toContainText("No logs match");
  await page.goto(`/logs?q=axolotl${tag}&model=mock-model&version=1`);
  await expect(rows).toHaveCount(2);
  await expect(page.getByTestId("log-filter-q")).toHaveValue(`axolotl${tag}`);

  // Export what the filter selects: a CSV download holding exactly those rows.
  await page.getByTestId("log-export-format").selectOption("csv");
  const downloading = page.waitForEvent("download");
  await page.getByTestId("log-export-button").click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^promptly-logs-.+\.csv$/);
  const csv = await readDownload(await download.createReadStream());
  const lines = csv.split("\r\n").filter(Boolean);
  expect(lines).toHaveLength(3);
  expect(lines[0].startsWith("id,trace_id,created_at,request,response")).toBe(true);
  expect(csv).toContain(`axolotl${tag}`);
  expect(csv).not.toContain(`narwhal${tag}`);
  await expect(page.getByTestId("log-export-status")).toContainText("2 row(s)");
});

async function readDownload(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}
