import { expect, test } from "@playwright/test";
import { acceptInvite, invite } from "../support/accounts";
import { E2E } from "../support/env";

/**
 * The evaluation loop in the browser: a CSV dataset imported, two versions of one prompt run
 * against the mock provider (which answers "Mock answer to: <prompt>", so the exact-match
 * scores are known), the grid with the regression ringed, the case opened in the playground,
 * the prompt's Evaluate tab and each version's pass rate, and a judge added from a template.
 */
const headers = { "x-portkey-api-key": E2E.apiKey };
const chat = (content: string) => JSON.stringify([{ role: "user", content }]);

test("experiments: import a CSV, run two versions, see the regression, open the case in the playground", async ({ page, request }) => {
  const stamp = Date.now().toString(36);
  const key = await request.post("/v1/virtual-keys", { headers, data: { name: `Experiments mock ${stamp}`, provider: "openai", key: "sk-experiments-e2e-0000", custom_host: `${E2E.mockUrl}/v1` } });
  const keySlug = ((await key.json()) as { slug: string }).slug;
  const promptName = `Capitals ${stamp}`;
  const created = await request.post("/v1/prompts", { headers, data: { name: promptName, string: chat("{{q}}"), model: "gpt-4o-mini", virtual_key: keySlug, parameters: {} } });
  const promptId = ((await created.json()) as { id: string }).id;
  // v2 rewords the question: the mock's answer changes with it, so v2 misses the expected answer v1 gave.
  expect((await request.put(`/v1/prompts/${promptId}`, { headers, data: { string: chat("Say {{q}}"), model: "gpt-4o-mini", virtual_key: keySlug, parameters: {} } })).status()).toBe(200);

  // The dataset, imported from a CSV through the Datasets page.
  const datasetName = `Capitals set ${stamp}`;
  await page.goto("/datasets");
  await page.getByTestId("dataset-new").click();
  await page.getByTestId("dataset-name").fill(datasetName);
  await page.getByTestId("dataset-create-submit").click();
  await expect(page).toHaveURL(/\/datasets\/[0-9a-f-]{36}$/);
  await page.getByTestId("dataset-import").click();
  const importDialog = page.getByTestId("import-dialog");
  await importDialog.getByTestId("import-text").fill("q,answer\nParis,Mock answer to: Paris\nOslo,something else\n");
  await importDialog.getByTestId("import-map-answer").selectOption("expected");
  await importDialog.getByTestId("import-submit").click();
  await expect(importDialog).toBeHidden();
  await expect(page.getByTestId("item-row")).toHaveCount(2);

  // A judge from a template, then usable as a saved scorer in the start form.
  await page.getByTestId("nav-experiments").click();
  await expect(page.getByTestId("page-title")).toHaveText("Experiments");
  await page.getByTestId("judge-template-open").click();
  const judgeDialog = page.getByTestId("judge-template-dialog");
  await judgeDialog.getByTestId("judge-template").selectOption("rubric");
  await judgeDialog.getByTestId("judge-name").fill(`Rubric ${stamp}`);
  await judgeDialog.getByTestId("judge-key").selectOption(keySlug);
  await judgeDialog.getByTestId("judge-template-submit").click();
  await expect(judgeDialog).toBeHidden();

  // Start: v1 and v2 of the prompt, exact match against expected.
  await page.getByTestId("experiment-new").click();
  const form = page.getByTestId("experiment-dialog");
  await expect(form.getByTestId("experiment-saved-scorer").filter({ hasText: `Rubric ${stamp}` })).toBeVisible();
  await form.getByTestId("experiment-name").fill(`v1 vs v2 ${stamp}`);
  await form.getByTestId("experiment-dataset").selectOption({ label: `${datasetName} (2 items, v2)` });
  await form.getByTestId("experiment-target-prompt-0").selectOption({ label: promptName });
  await form.getByTestId("experiment-target-version-0").selectOption("1");
  await form.getByTestId("experiment-add-target").click();
  await form.getByTestId("experiment-target-version-1").selectOption("2");
  await expect(form.getByTestId("experiment-scorer-exact")).toBeChecked();
  await form.getByTestId("experiment-start").click();
  await expect(page).toHaveURL(/\/experiments\/[0-9a-f-]{36}$/);
  const experimentUrl = page.url();

  await expect(page.getByTestId("experiment-status")).toHaveText("completed");
  await expect(page.getByTestId("experiment-counts")).toContainText("4 / 4 cases");
  await expect(page.getByTestId("experiment-cancel")).toHaveCount(0);
  await expect(page.getByTestId("results-column")).toHaveText([`${promptName} v1`, `${promptName} v2`]);
  const rows = page.getByTestId("result-row");
  await expect(rows).toHaveCount(2);
  const paris = rows.filter({ hasText: '{"q":"Paris"}' });
  await expect(paris.getByTestId("result-cell").nth(0)).toHaveAttribute("data-verdict", "passed");
  await expect(paris.getByTestId("result-cell").nth(0).getByTestId("result-output")).toHaveText("Mock answer to: Paris");
  await expect(paris.getByTestId("result-cell").nth(1)).toHaveAttribute("data-verdict", "failed");
  await expect(paris.getByTestId("result-cell").nth(1).getByTestId("result-output")).toHaveText("Mock answer to: Say Paris");

  // Against the first target, v2 regressed on Paris only (Oslo failed on both).
  await expect(page.getByTestId("experiment-baseline")).toHaveValue("t:0");
  await expect(paris.getByTestId("result-cell").nth(1)).toHaveAttribute("data-regressed", "true");
  await expect(paris.getByTestId("regression-badge")).toBeVisible();
  await expect(page.getByTestId("regression-badge")).toHaveCount(1);
  const cards = page.getByTestId("summary-card");
  await expect(cards.nth(0).getByTestId("summary-pass-rate")).toHaveText("50%");
  await expect(cards.nth(1).getByTestId("summary-pass-rate")).toHaveText("0%");
  await expect(cards.nth(1).getByTestId("summary-pass-rate-delta")).toHaveText("−50 pts");
  await expect(cards.nth(1).getByTestId("summary-verdicts")).toContainText("1 regressed");
  await expect(cards.nth(0).getByTestId("summary-cost")).toHaveText(/^\$0\.0\d+$/);
  await expect(paris.getByTestId("result-cell").nth(0).getByTestId("result-cost")).toHaveText(/^\$0\.0\d+$/);
  const chart = page.getByTestId("score-chart");
  await expect(chart.getByRole("application")).toBeVisible();
  await expect(chart.getByRole("img", { name: "pass rate legend icon" })).toBeVisible();
  await expect(chart.getByRole("img", { name: "exact match legend icon" })).toBeVisible();

  await page.getByTestId("results-filter-regressions").click();
  await expect(rows).toHaveCount(1);
  await page.getByTestId("results-filter-failures").click();
  await expect(rows).toHaveCount(2);
  await page.getByTestId("results-filter-regressions").click();

  // The regressed case in the playground: v2, its variables filled.
  await paris.getByTestId("result-cell").nth(1).getByTestId("open-in-playground").click();
  await expect(page).toHaveURL(new RegExp(`/prompts/${promptId}\\?`));
  await expect(page.getByTestId("variable-q")).toHaveValue("Paris");
  await expect(page.getByTestId("draft-status")).toContainText("v2");

  // The prompt's Evaluate tab lists the run; the history shows each version's pass rate.
  await page.getByTestId("mode-evaluate").click();
  await expect(page.getByTestId("prompt-evaluations").getByTestId("experiment-row")).toHaveCount(1);
  await expect(page.getByTestId("prompt-evaluations").getByTestId("experiment-link")).toHaveText(`v1 vs v2 ${stamp}`);
  await page.getByTestId("toggle-history").click();
  await expect(page.getByTestId("version-pass-rate-1")).toHaveText("50% pass");
  await expect(page.getByTestId("version-pass-rate-2")).toHaveText("0% pass");

  // The v1 case opens that version read only.
  await page.goto(experimentUrl);
  await page.getByTestId("results-filter-all").click();
  await rows.filter({ hasText: '{"q":"Oslo"}' }).getByTestId("result-cell").nth(0).getByTestId("open-in-playground").click();
  await expect(page.getByTestId("read-only-banner")).toBeVisible();
  await expect(page.getByTestId("variable-q")).toHaveValue("Oslo");

  // Usable on a phone-sized screen: the run page and the list.
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto(experimentUrl);
  await expect(page.getByTestId("summary-card").first()).toBeVisible();
  await expect(page.getByTestId("result-row")).toHaveCount(2);
  await page.screenshot({ path: test.info().outputPath("experiment-375.png"), fullPage: true });
  await page.getByTestId("nav-experiments").click();
  await expect(page.getByTestId("experiment-row").filter({ hasText: `v1 vs v2 ${stamp}` })).toBeVisible();
});

test("experiments: live progress, cancel after confirming; a viewer reads a run but can't start or cancel one", async ({ page, request, browser }) => {
  const stamp = Date.now().toString(36);
  const key = await request.post("/v1/virtual-keys", { headers, data: { name: `Slow mock ${stamp}`, provider: "openai", key: "sk-experiments-e2e-0001", custom_host: `${E2E.mockUrl}/v1` } });
  const keySlug = ((await key.json()) as { slug: string }).slug;
  const prompt = await request.post("/v1/prompts", { headers, data: { name: `Slow ${stamp}`, string: chat("{{q}}"), model: "gpt-4o-mini", virtual_key: keySlug, parameters: {} } });
  const promptId = ((await prompt.json()) as { id: string }).id;
  const dataset = await request.post("/v1/datasets", { headers, data: { name: `Slow set ${stamp}`, items: Array.from({ length: 20 }, (_, i) => ({ variables: { q: `question ${i}` } })) } });
  const datasetId = ((await dataset.json()) as { id: string }).id;
  // One case at a time on a slow model: the run is still going while the test looks at it.
  const started = await request.post("/v1/experiments", { headers, data: { name: `Slow run ${stamp}`, dataset_id: datasetId, targets: [{ prompt: promptId, model: "mock-slow-300" }], concurrency: 1 } });
  const experimentId = ((await started.json()) as { id: string }).id;

  // The viewer: the run and its progress, but no way to start, add a judge or cancel.
  const { token } = await invite(request, { role: "viewer", email: `viewer-exp-${stamp}@promptly.test` });
  const viewerApi = await acceptInvite(E2E.baseUrl, token, `viewer-exp-${stamp}@promptly.test`);
  const viewerContext = await browser.newContext({ baseURL: E2E.baseUrl, storageState: await viewerApi.storageState() });
  const viewer = await viewerContext.newPage();
  await viewer.goto("/experiments");
  await expect(viewer.getByTestId("experiment-row").filter({ hasText: `Slow run ${stamp}` })).toBeVisible();
  await expect(viewer.getByTestId("experiment-new")).toHaveCount(0);
  await expect(viewer.getByTestId("judge-template-open")).toHaveCount(0);
  await viewer.getByTestId("experiment-link").filter({ hasText: `Slow run ${stamp}` }).click();
  await expect(viewer.getByTestId("experiment-status")).toHaveText(/queued|running/);
  await expect(viewer.getByTestId("experiment-progress")).toBeVisible();
  await expect(viewer.getByTestId("experiment-cancel")).toHaveCount(0);
  await viewerContext.close();
  await viewerApi.dispose();

  // The owner watches it move, then cancels: asked first, and "keep going" keeps it going.
  await page.goto(`/experiments/${experimentId}`);
  await expect(page.getByTestId("experiment-status")).toHaveText("running");
  await expect(page.getByTestId("experiment-counts")).toContainText(/^[1-9]\d* \/ 20 cases/);
  await page.getByTestId("experiment-cancel").click();
  await page.getByTestId("cancel-dialog-cancel").click();
  await expect(page.getByTestId("cancel-dialog")).toBeHidden();
  await expect(page.getByTestId("experiment-status")).toHaveText("running");
  await page.getByTestId("experiment-cancel").click();
  await page.getByTestId("cancel-dialog-confirm").click();
  await expect(page.getByTestId("experiment-status")).toHaveText("cancelled");
  await expect(page.getByTestId("experiment-cancel")).toHaveCount(0);
  await expect(page.getByTestId("result-row").first()).toBeVisible();
});
