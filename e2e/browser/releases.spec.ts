import http from "node:http";
import { expect, test, type Browser, type BrowserContext } from "@playwright/test";
import { E2E } from "../support/env";

/**
 * A release through the UI with two people: an editor (who may not move the protected
 * production label) requests one from the version's label menu; the owner reviews the diff
 * on the Releases page, approves, merges, and sees the label move and its history, and the
 * merge's webhook delivered to a receiver of the test's own, in Settings → Webhooks.
 */
const admin = { "x-portkey-api-key": E2E.apiKey };
const stamp = () => Date.now().toString(36);

async function editorContext(browser: Browser, token: string, email: string): Promise<BrowserContext> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, baseURL: E2E.baseUrl });
  const signedUp = await context.request.post("/api/auth/sign-up/email", {
    data: { name: "Eddie Editor", email, password: "invited-password-123" },
    headers: { origin: E2E.baseUrl, "x-promptly-invite": token },
  });
  expect(signedUp.status(), await signedUp.text()).toBe(200);
  return context;
}

test("an editor requests a release of a protected label; the owner approves and merges it; the label moves", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const tag = stamp();
  // A webhook receiver on the port the shared server allowlists for it (e2e/support/env.ts).
  const received: string[] = [];
  const receiver = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push(Buffer.concat(chunks).toString("utf8"));
      response.end("ok");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(E2E.webhookReceiverPort, "127.0.0.1", resolve));
  const hook = await page.request.post("/v1/webhooks", {
    headers: admin,
    data: { name: `Releases ${tag}`, url: `http://127.0.0.1:${E2E.webhookReceiverPort}/hook`, events: ["release.requested", "release.approved", "release.merged"] },
  });
  expect(hook.ok(), await hook.text()).toBe(true);
  const hookId = ((await hook.json()) as { id: string }).id;
  const webhookName = `Releases ${tag}`;
  const created = await page.request.post("/v1/prompts", { headers: admin, data: { name: `Release ${tag}`, string: JSON.stringify([{ role: "user", content: "Hello {{name}}" }]), parameters: { model: "gpt-4o-mini" } } });
  expect(created.ok(), await created.text()).toBe(true);
  const prompt = (await created.json()) as { id: string };
  expect((await page.request.put(`/v1/prompts/${prompt.id}`, { headers: admin, data: { string: JSON.stringify([{ role: "user", content: "Hello there, {{name}}" }]) } })).ok()).toBe(true);
  expect((await page.request.put(`/v1/prompts/${prompt.id}/versions/1`, { headers: admin, data: { label_id: "production" } })).ok()).toBe(true);
  expect((await page.request.put("/v1/labels/production/protection", { headers: admin, data: { required_approvals: 1 } })).ok()).toBe(true);

  const email = `editor-${tag}@promptly.test`;
  const invited = await page.request.post("/v1/invites", { data: { role: "editor", email } });
  expect(invited.ok(), await invited.text()).toBe(true);
  const token = ((await invited.json()) as { url: string }).url.split("/invite/")[1];
  const editor = await editorContext(browser, token, email);
  try {
    // The editor: production is locked for them, so the menu offers a release request.
    const editorPage = await editor.newPage();
    await editorPage.goto(`/prompts/${prompt.id}`);
    await editorPage.getByTestId("toggle-history").click();
    await editorPage.getByTestId("version-label-menu-2").click();
    await expect(editorPage.getByTestId("label-option-production")).toContainText("request release");
    await editorPage.getByTestId("label-option-production").click();
    await editorPage.getByTestId("release-request-comment").fill("Friendlier greeting");
    await editorPage.getByTestId("release-request-submit").click();
    await expect(editorPage.getByTestId("toast").filter({ hasText: "Release of v2 to production requested" })).toBeVisible();
    await expect(editorPage.getByTestId("version-labels-1")).toContainText("production");

    // The owner: the request waits on the Releases page, with its diff.
    await page.goto("/releases");
    const row = page.getByTestId("release-row").filter({ hasText: `Release ${tag}` });
    await expect(row).toContainText("production v1 → v2");
    await expect(row.getByTestId("release-approvals")).toHaveText("0/1");
    await row.getByTestId("release-open").click();
    const detail = page.getByTestId("release-detail");
    await expect(detail).toContainText("Friendlier greeting");
    await expect(page.getByTestId("release-diff")).toContainText('+    "content": "Hello there, {{name}}"');
    await expect(page.getByTestId("release-merge")).toBeDisabled();
    await expect(page.getByTestId("release-blocked")).toContainText("needs 1 approval");
    await page.getByTestId("review-comment").fill("Ship it");
    await page.getByTestId("release-approve").click();
    await expect(page.getByTestId("release-reviews")).toContainText("Approved by owner@promptly.test: Ship it");
    await page.getByTestId("release-merge").click();
    await page.getByRole("button", { name: "Merge and move the label" }).click();
    await expect(page.getByTestId("release-merged")).toContainText("production serves v2");

    // The label moved, and its history says how; the editor sees it too.
    await page.goto(`/prompts/${prompt.id}`);
    await page.getByTestId("toggle-history").click();
    await expect(page.getByTestId("version-labels-2")).toContainText("production");
    await page.getByTestId("label-history-production").click();
    await expect(page.getByTestId("label-move").first()).toContainText("v1 → v2 released by owner@promptly.test");
    await expect(page.getByTestId("label-rollback")).toHaveText("Roll back to v1");
    await editorPage.reload();
    await editorPage.getByTestId("toggle-history").click();
    await expect(editorPage.getByTestId("version-labels-2")).toContainText("production");

    // The merge was announced: the delivery is logged in Settings → Webhooks with its answer.
    await expect.poll(() => received.some((body) => JSON.parse(body).type === "release.merged")).toBe(true);
    await page.goto("/settings?tab=webhooks");
    const hookRow = page.locator(`[data-name="${webhookName}"]`);
    await hookRow.getByRole("button", { name: "Deliveries" }).click();
    const merged = page.getByTestId("webhook-delivery-row").and(page.locator('[data-event-type="release.merged"]'));
    await expect(merged.getByTestId("webhook-delivery-status")).toHaveText("succeeded");
    await expect(merged.getByTestId("webhook-delivery-code")).toHaveText("200");
    await expect(page.getByTestId("webhook-delivery-row").and(page.locator('[data-event-type="release.approved"]'))).toHaveCount(1);
  } finally {
    await new Promise((resolve) => receiver.close(resolve));
    // Later specs' release events would otherwise be retried at this closed port for minutes.
    await page.request.delete(`/v1/webhooks/${hookId}`, { headers: admin });
    await editor.close();
    await page.request.put("/v1/labels/production/protection", { headers: admin, data: { required_approvals: 0 } });
  }
});
