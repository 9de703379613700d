import { expect, test, type APIRequestContext } from "@playwright/test";
import { E2E } from "../support/env";

/**
 * Canaries and evaluation gates in the UI, as the owner: start a canary from a version's label
 * menu with the weight slider, see the split on the label chips, promote it; and a release
 * request's gate status (failed below the bar, with its experiment) on the Releases page.
 */
const admin = { "x-portkey-api-key": E2E.apiKey };
const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const chat = (content: string) => JSON.stringify([{ role: "user", content }]);
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function ok(request: APIRequestContext, method: "get" | "post" | "put", url: string, data?: unknown): Promise<Json> {
  const response = await request[method](url, { headers: admin, data });
  expect(response.ok(), await response.text()).toBe(true);
  return (await response.json()) as Json;
}

test("a canary started from the versions sidebar shows its split on the label chips, then is promoted", async ({ page }) => {
  const tag = stamp();
  const prompt = await ok(page.request, "post", "/v1/prompts", { name: `Canary ${tag}`, string: chat("Hello {{name}}"), parameters: { model: "gpt-4o-mini" } });
  await ok(page.request, "put", `/v1/prompts/${prompt.id}`, { string: chat("Hi there {{name}}") });
  await ok(page.request, "put", `/v1/prompts/${prompt.id}/versions/1`, { label_id: "staging" });

  await page.goto(`/prompts/${prompt.id}`);
  await page.getByTestId("toggle-history").click();
  await page.getByTestId("version-label-menu-2").click();
  await page.getByTestId("canary-start-staging").click();
  await page.getByTestId("canary-weight").fill("25");
  await expect(page.getByTestId("canary-weight-value")).toHaveText("25%");
  await page.getByTestId("canary-submit").click();
  await expect(page.getByTestId("toast").filter({ hasText: "staging: v2 serves 25% of callers" })).toBeVisible();
  // The baseline keeps 75 %, the candidate's chip shows its 25 %.
  await expect(page.getByTestId("version-labels-1").getByTestId("label-history-staging")).toContainText("staging75%");
  await expect(page.getByTestId("version-labels-2").getByTestId("label-canary-staging")).toContainText("staging25%");
  const split = await ok(page.request, "get", `/v1/prompts/${prompt.id}/labels/staging/history`);
  expect(split.split).toMatchObject({ candidate_version: 2, weight: 25 });

  await page.getByTestId("version-label-menu-2").click();
  await page.getByTestId("canary-promote-staging").click();
  await expect(page.getByTestId("toast").filter({ hasText: "staging → v2 for every caller" })).toBeVisible();
  await expect(page.getByTestId("version-labels-2").getByTestId("label-history-staging")).toHaveText("staging");
  await expect(page.getByTestId("version-labels-1")).toHaveCount(0);
  await page.getByTestId("version-labels-2").getByTestId("label-history-staging").click();
  await expect(page.getByTestId("label-move").first()).toContainText("v1 → v2 canary promoted by owner@promptly.test");
  await expect(page.getByTestId("label-move").nth(1)).toContainText("v1 → v2 canary at 25% by owner@promptly.test");
});

test("a release request shows its evaluation gate: failed below the bar, merge refused, the experiment linked", async ({ page }) => {
  test.setTimeout(120_000);
  const tag = stamp();
  const key = await ok(page.request, "post", "/v1/virtual-keys", { name: `gate ${tag}`, provider: "openai", key: "sk-mock-secret-for-tests", custom_host: `${E2E.mockUrl}/v1` });
  const prompt = await ok(page.request, "post", "/v1/prompts", { name: `Gated ${tag}`, string: chat("Say {{q}}"), parameters: { model: "gpt-4o-mini" }, virtual_key: key.slug });
  await ok(page.request, "put", `/v1/prompts/${prompt.id}`, { string: chat("Wrong {{q}}"), parameters: { model: "gpt-4o-mini" }, virtual_key: key.slug });
  const label = `gated-${tag}`;
  await ok(page.request, "post", "/v1/labels", { name: label });
  await ok(page.request, "put", `/v1/prompts/${prompt.id}/versions/1`, { label_id: label });
  const dataset = await ok(page.request, "post", "/v1/datasets", { name: `Gate ${tag}`, items: [{ variables: { q: "a" }, expected: "Mock answer to: Say a" }] });
  await ok(page.request, "put", `/v1/prompts/${prompt.id}/labels/${label}/gate`, { dataset_id: dataset.id, scorers: [{ name: "exact", definition: { type: "exact_match" } }], min_pass_rate: 1 });
  const request = await ok(page.request, "post", "/v1/release-requests", { prompt_id: prompt.id, version: 2, label });

  await page.goto("/releases");
  await page.getByTestId("release-row").filter({ hasText: `Gated ${tag}` }).getByTestId("release-open").click();
  // The page follows the run until its verdict.
  await expect(page.getByTestId("release-gate-status")).toHaveText("failed");
  await expect(page.getByTestId("release-gate-rate")).toContainText("pass rate 0% · bar 100% · 1/1 cases");
  await expect(page.getByTestId("release-merge")).toBeDisabled();
  await expect(page.getByTestId("release-blocked")).toContainText("evaluation gate");
  const gate = (await ok(page.request, "get", `/v1/release-requests/${request.id}`)).gate as Json;
  await expect(page.getByTestId("release-gate-experiment")).toHaveAttribute("href", `/experiments/${gate.experiment_id}`);

  // The owner may merge anyway, saying why.
  await page.getByTestId("release-override").click();
  await page.getByTestId("release-override-reason").fill("Known flaky dataset");
  await page.getByRole("button", { name: "Merge anyway" }).click();
  await expect(page.getByTestId("release-merged")).toContainText(`${label} serves v2`);
  await expect(page.getByTestId("release-gate")).toContainText("Merged below the bar by an admin: Known flaky dataset");
});
