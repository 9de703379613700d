import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { E2E } from "../support/env";

/**
 * The main screens, with a little of everything in them, captured at 1280×800. In the suite
 * this checks that each page renders its content; `npm run screenshots` runs it with
 * SCREENSHOTS_DIR=docs/screenshots to regenerate the images the README shows.
 */
const headers = { "x-portkey-api-key": E2E.apiKey };
const OUT = process.env.SCREENSHOTS_DIR ? path.resolve(process.env.SCREENSHOTS_DIR) : path.join(E2E.outputDir, "screenshots");
const chat = (content: string) => JSON.stringify([{ role: "system", content: "You are a concise support agent for {{product}}." }, { role: "user", content }]);

async function shoot(page: Page, name: string, ready: string) {
  await expect(page.getByTestId(ready).first()).toBeVisible();
  // Relative times and animations settle; the picture is of the page at rest.
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join(OUT, `${name}.png`), animations: "disabled" });
}

test("screenshots of the main screens", async ({ page, request }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const stamp = Date.now().toString(36);
  const key = await request.post("/v1/virtual-keys", { headers, data: { name: `Docs mock ${stamp}`, provider: "openai", key: "sk-docs-0000", custom_host: `${E2E.mockUrl}/v1` } });
  const keySlug = ((await key.json()) as { slug: string }).slug;
  const created = await request.post("/v1/prompts", { headers, data: { name: `Support reply ${stamp}`, string: chat("Answer: {{question}}"), model: "gpt-4o-mini", virtual_key: keySlug, parameters: { temperature: 0.2 } } });
  expect(created.ok(), await created.text()).toBe(true);
  const promptId = ((await created.json()) as { id: string }).id;
  await request.put(`/v1/prompts/${promptId}`, { headers, data: { string: chat("Answer in one line: {{question}}"), model: "gpt-4o-mini", virtual_key: keySlug, parameters: { temperature: 0.2 } } });
  await request.put(`/v1/prompts/${promptId}/versions/1`, { headers, data: { label_id: "staging" } });
  for (const question of ["How do I reset my password?", "Where is my invoice?", "Can I change my plan?"]) {
    await request.post(`/v1/prompts/${promptId}/completions`, { headers, data: { variables: { product: "Acme", question } } });
  }
  const dataset = await request.post("/v1/datasets", {
    headers,
    data: { name: `Support questions ${stamp}`, items: [{ variables: { product: "Acme", question: "Reset password?" }, expected: "Mock answer" }, { variables: { product: "Acme", question: "Invoice?" }, expected: "Mock answer" }] },
  });
  const datasetId = ((await dataset.json()) as { id: string }).id;
  const experiment = await request.post("/v1/experiments", {
    headers,
    data: { name: `v1 vs v2 ${stamp}`, dataset_id: datasetId, targets: [{ prompt: `${promptId}@1` }, { prompt: `${promptId}@2` }], scorers: [{ name: "mentions the answer", definition: { type: "contains" } }] },
  });
  const experimentId = ((await experiment.json()) as { id: string }).id;
  await expect.poll(async () => ((await (await request.get(`/v1/experiments/${experimentId}`, { headers })).json()) as { status: string }).status).toBe("completed");
  await request.post("/v1/release-requests", { headers, data: { prompt_id: promptId, version: 2, label: "production", comment: "One-line answers read better in the widget." } });

  await page.goto("/prompts");
  await shoot(page, "prompts", "prompt-link");
  // A partial included by the support prompt directly and by another through a wrapper partial.
  const tone = await request.post("/v1/prompts/partials", { headers, data: { name: `Tone ${stamp}`, string: "Be friendly and brief; never promise dates." } });
  const toneSlug = ((await tone.json()) as { slug: string }).slug;
  await request.put(`/v1/prompts/partials/${toneSlug}`, { headers, data: { string: "Be friendly and brief; never promise dates or refunds.", version_description: "No refund promises" } });
  const policy = await request.post("/v1/prompts/partials", { headers, data: { name: `Policy ${stamp}`, string: `{{>${toneSlug}}} Escalate billing questions.` } });
  const policySlug = ((await policy.json()) as { slug: string }).slug;
  await request.put(`/v1/prompts/${promptId}`, { headers, data: { string: chat(`{{>${toneSlug}}} Answer in one line: {{question}}`), model: "gpt-4o-mini", virtual_key: keySlug, parameters: { temperature: 0.2 } } });
  await request.post("/v1/prompts", { headers, data: { name: `Billing reply ${stamp}`, string: chat(`{{>${policySlug}}} {{question}}`), model: "gpt-4o-mini", virtual_key: keySlug } });
  await page.goto(`/partials/${toneSlug}`);
  await shoot(page, "partials", "partial-used-by");
  await page.goto(`/prompts/${promptId}`);
  await page.getByTestId("toggle-history").click();
  await shoot(page, "prompt-editor", "versions-sidebar");
  await page.goto("/datasets");
  await shoot(page, "datasets", "dataset-row");
  await page.goto(`/experiments/${experimentId}`);
  await shoot(page, "experiment-run", "results-grid");
  await page.goto("/releases");
  await page.getByTestId("release-open").first().click();
  await shoot(page, "releases", "release-detail");
  await page.goto("/logs");
  await shoot(page, "logs", "log-row");
  await page.goto("/settings");
  await shoot(page, "settings", "settings-tab-members");
  await page.goto(`/prompts/${promptId}`);
  await page.getByTestId("mode-metrics").click();
  await shoot(page, "prompt-metrics", "chart-requests");
  await page.goto("/analytics");
  await shoot(page, "analytics", "chart-requests");
  // Disabled: other tests' changes must not send it anywhere.
  const hook = await request.post("/v1/webhooks", {
    headers,
    data: { name: `Deploy notifications ${stamp}`, url: `http://127.0.0.1:${E2E.webhookReceiverPort}/promptly`, events: ["label.moved", "version.published", "release.merged"], enabled: false },
  });
  expect(hook.ok(), await hook.text()).toBe(true);
  const hookId = ((await hook.json()) as { id: string }).id;
  await page.goto("/settings?tab=webhooks");
  await shoot(page, "settings-webhooks", `webhook-row-${hookId}`);
});
