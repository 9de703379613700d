import { expect, test } from "@playwright/test";
import { E2E } from "../support/env";

test("datasets: create one, import a CSV through the preview and mapping, edit an item inline, see the new version", async ({ page }) => {
  const name = `Refunds ${Date.now().toString(36)}`;
  await page.goto("/datasets");
  await page.getByTestId("dataset-new").click();
  await page.getByTestId("dataset-name").fill(name);
  await page.getByTestId("dataset-description").fill("Questions customers ask");
  await page.getByTestId("dataset-create-submit").click();
  await expect(page).toHaveURL(/\/datasets\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("page-title")).toHaveText(name);
  await expect(page.getByTestId("items-empty")).toBeVisible();

  // A bad CSV is refused whole, naming its line.
  await page.getByTestId("dataset-import").click();
  const dialog = page.getByTestId("import-dialog");
  await dialog.getByTestId("import-text").fill('question,answer\n"ok",1\n"broken,2\n');
  await expect(dialog.getByTestId("import-preview-error")).toContainText("line 3: unterminated quoted field");
  await dialog.getByTestId("import-submit").click();
  await expect(dialog.getByTestId("import-error")).toContainText("line 3: unterminated quoted field");

  // A good one: `answer` is mapped to expected, `notes` ignored; the preview follows.
  await dialog.getByTestId("import-text").fill('question,answer,notes,metadata.channel\n"Can I get a refund, please?",Yes within 30 days,x,web\nWhere is my order?,Check the tracking link,y,mail\n');
  await expect(dialog.getByTestId("import-map-question")).toHaveValue("variables");
  await expect(dialog.getByTestId("import-map-metadata.channel")).toHaveValue("metadata");
  await expect(dialog.getByTestId("import-preview-row")).toHaveCount(2);
  await expect(dialog.getByTestId("import-preview-row").first()).toContainText('"answer":"Yes within 30 days"');
  await dialog.getByTestId("import-map-answer").selectOption("expected");
  await dialog.getByTestId("import-map-notes").selectOption("ignore");
  const first = dialog.getByTestId("import-preview-row").first();
  await expect(first).toContainText('{"question":"Can I get a refund, please?"}');
  await expect(first).toContainText("Yes within 30 days");
  await expect(first).toContainText('{"channel":"web"}');
  await dialog.getByTestId("import-submit").click();
  await expect(dialog).toBeHidden();

  const rows = page.getByTestId("item-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.first().getByTestId("item-expected")).toHaveText("Yes within 30 days");
  await expect(page.getByTestId("dataset-version")).toHaveText("2");

  // Inline edit of the second item: a new version, the old one still readable.
  await rows.nth(1).getByTestId("item-edit").click();
  await expect(rows.nth(1)).toHaveAttribute("data-editing", "true");
  await rows.nth(1).getByTestId("item-edit-expected").fill("Use the tracking link in your email");
  await rows.nth(1).getByTestId("item-save").click();
  await expect(rows.nth(1).getByTestId("item-expected")).toHaveText("Use the tracking link in your email");
  await expect(page.getByTestId("dataset-version")).toHaveText("3");

  const versions = page.getByTestId("version-row");
  await expect(versions).toHaveCount(3);
  await expect(versions.nth(0).getByTestId("version-description")).toHaveText("edit item");
  await expect(versions.nth(1).getByTestId("version-description")).toHaveText("import 2 items (CSV)");
  await versions.nth(1).click();
  await expect(page.getByTestId("dataset-version")).toHaveText("2");
  await expect(rows.nth(1).getByTestId("item-expected")).toHaveText("Check the tracking link");
  await expect(page.getByTestId("item-edit")).toHaveCount(0); // older versions are read-only
  await page.getByTestId("view-current").click();
  await expect(rows.nth(1).getByTestId("item-expected")).toHaveText("Use the tracking link in your email");

  // Listed, and usable on a phone-sized screen.
  await page.setViewportSize({ width: 375, height: 740 });
  await page.getByTestId("nav-datasets").click();
  const row = page.getByTestId("dataset-row").filter({ hasText: name });
  await expect(row).toContainText("2");
  await expect(row).toContainText("v3");
});

test("playground: Save as test case stores the current variables and the answer in a new dataset", async ({ page, request }) => {
  const headers = { "x-portkey-api-key": E2E.apiKey };
  const key = await request.post("/v1/virtual-keys", { headers, data: { name: `Test case mock ${Date.now()}`, provider: "openai", key: "sk-test-case-e2e-0000", custom_host: `${E2E.mockUrl}/v1` } });
  const prompt = await request.post("/v1/prompts", {
    headers,
    data: { name: `Test case ${Date.now()}`, string: JSON.stringify([{ role: "user", content: "Summarise {{topic}}" }]), model: "gpt-4o-mini", virtual_key: (await key.json()).slug, parameters: {} },
  });
  const promptId = ((await prompt.json()) as { id: string }).id;
  await page.goto(`/prompts/${promptId}`);
  await page.getByTestId("variable-topic").fill("tides");
  await page.getByTestId("run-button").click();
  await expect(page.getByTestId("run-output")).toHaveText("Mock answer to: Summarise tides");

  await page.getByTestId("save-test-case").click();
  const dialog = page.getByTestId("test-case-dialog");
  await dialog.getByTestId("test-case-dataset").selectOption("__new__");
  const name = `From playground ${Date.now().toString(36)}`;
  await dialog.getByTestId("test-case-new-name").fill(name);
  await dialog.getByTestId("test-case-submit").click();
  await expect(dialog).toBeHidden();

  const list = (await (await request.get(`/v1/datasets?search=${encodeURIComponent(name)}`, { headers })).json()) as { data: { id: string }[] };
  expect(list.data).toHaveLength(1);
  const items = (await (await request.get(`/v1/datasets/${list.data[0].id}/items`, { headers })).json()) as { data: { variables: unknown; expected: unknown }[] };
  expect(items.data).toEqual([expect.objectContaining({ variables: { topic: "tides" }, expected: "Mock answer to: Summarise tides" })]);
});

test("logs: a log's variables and answer go into a dataset from its details; a filter makes a backtest set", async ({ page, request }) => {
  const headers = { "x-portkey-api-key": E2E.apiKey };
  const key = await request.post("/v1/virtual-keys", { headers, data: { name: `Backtest mock ${Date.now()}`, provider: "openai", key: "sk-backtest-e2e-0000", custom_host: `${E2E.mockUrl}/v1` } });
  const prompt = await request.post("/v1/prompts", {
    headers,
    data: { name: `Backtest UI ${Date.now()}`, string: JSON.stringify([{ role: "user", content: "Explain {{topic}}" }]), model: "gpt-4o-mini", virtual_key: (await key.json()).slug, parameters: {} },
  });
  const promptId = ((await prompt.json()) as { id: string }).id;
  for (const topic of ["tides", "winds"]) expect((await request.post(`/v1/prompts/${promptId}/completions`, { headers, data: { variables: { topic } } })).status()).toBe(200);
  await expect.poll(async () => ((await (await request.get(`/v1/logs?prompt=${promptId}`, { headers })).json()).data as unknown[]).length).toBe(2);
  const name = `Backtest ${Date.now().toString(36)}`;
  const dataset = (await (await request.post("/v1/datasets", { headers, data: { name } })).json()) as { id: string };

  await page.goto(`/logs?prompt=${promptId}`);
  await page.getByTestId("log-row").first().click();
  await page.getByTestId("log-add-to-dataset").click();
  const dialog = page.getByTestId("add-logs-dialog");
  await dialog.getByTestId("add-logs-dataset").selectOption(dataset.id);
  await dialog.getByTestId("add-logs-submit").click();
  await expect(dialog).toBeHidden();

  await page.goto(`/datasets/${dataset.id}`);
  const rows = page.getByTestId("item-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByTestId("item-variables")).toHaveText('{"topic":"winds"}');
  await expect(rows.first().getByTestId("item-expected")).toHaveText("Mock answer to: Explain winds");

  await page.getByTestId("dataset-from-logs").click();
  const fromLogs = page.getByTestId("from-logs-dialog");
  await fromLogs.getByTestId("from-logs-prompt").selectOption(promptId);
  await fromLogs.getByTestId("from-logs-version").fill("1");
  await fromLogs.getByTestId("from-logs-submit").click();
  await expect(fromLogs).toBeHidden();
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1).getByTestId("item-expected")).toHaveText("Mock answer to: Explain tides");
  await expect(page.getByTestId("version-row").first().getByTestId("version-description")).toHaveText("add 2 items from logs");
});
