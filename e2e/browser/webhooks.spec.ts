import http from "node:http";
import { expect, test } from "@playwright/test";
import { E2E } from "../support/env";

/**
 * Settings → Webhooks and Audit log as the owner: create a webhook with event checkboxes, see
 * its secret once, ping it, watch the delivery logged with its response code, redeliver; the
 * audit log lists the creation.
 */
test("the owner creates a webhook, sees its secret once, pings it and redelivers; the audit log shows it", async ({ page }) => {
  test.setTimeout(90_000);
  const received: string[] = [];
  const receiver = http.createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      // Other specs' webhooks may target this port (a retry can land late): count only ours.
      if (request.url === "/ui") received.push(String(request.headers["webhook-id"]));
      response.end("ok");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(E2E.webhookReceiverPort, "127.0.0.1", resolve));
  try {
    const name = `Hook ${Date.now().toString(36)}`;
    await page.goto("/settings?tab=webhooks");
    await page.getByTestId("webhook-new").click();
    await page.getByLabel("Name").fill(name);
    await page.getByLabel("URL").fill(`http://127.0.0.1:${E2E.webhookReceiverPort}/ui`);
    // No event picked: refused before anything is sent.
    await page.getByTestId("webhook-submit").click();
    await expect(page.getByTestId("webhook-form")).toContainText(/pick at least one event/i);
    await page.getByTestId("webhook-event-label.moved").check();
    await page.getByTestId("webhook-event-version.published").check();
    await page.getByTestId("webhook-submit").click();
    await expect(page.getByTestId("webhook-secret-value")).toHaveValue(/^whsec_/);
    await page.getByTestId("webhook-secret-done").click();

    const row = page.locator(`[data-name="${name}"]`);
    await expect(row).toContainText("label.moved, version.published");
    await row.getByRole("button", { name: "Deliveries" }).click();
    await expect(page.getByTestId("webhook-deliveries-empty")).toBeVisible();
    await page.getByTestId("webhook-ping").click();
    const delivery = page.getByTestId("webhook-delivery-row").first();
    await expect(delivery.getByTestId("webhook-delivery-status")).toHaveText("succeeded");
    await expect(delivery.getByTestId("webhook-delivery-code")).toHaveText("200");
    await delivery.getByTestId("webhook-redeliver").click();
    await expect.poll(() => received.length).toBe(2);
    expect(received[1]).toBe(received[0]);

    await page.goto("/settings?tab=audit-log");
    await page.getByLabel("Action").fill("webhook.create");
    await expect(page.getByTestId("audit-row").filter({ hasText: name })).toContainText("owner@promptly.test");
  } finally {
    await new Promise((resolve) => receiver.close(resolve));
  }
});
