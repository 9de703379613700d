import { expect, test, type Page } from "@playwright/test";
import { E2E } from "../support/env";

const SECRET = "sk-test-abcdef123456";

// Every /v1 answer the page receives, to prove the secret never comes back from the API.
function recordApiBodies(page: Page): string[] {
  const bodies: string[] = [];
  page.on("response", async (response) => {
    if (!new URL(response.url()).pathname.startsWith("/v1/")) return;
    bodies.push(await response.text().catch(() => ""));
  });
  return bodies;
}

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
});

test("virtual keys: create with a custom host, list masked, edit, delete; the secret never reaches the page", async ({ page }) => {
  const bodies = recordApiBodies(page);
  const name = `Mock OpenAI ${Date.now()}`;
  await page.goto("/settings");
  await expect(page.getByTestId("settings-tab-virtual-keys")).toHaveAttribute("aria-current", "page");

  await page.getByTestId("virtual-key-new").click();
  const dialog = page.getByTestId("virtual-key-dialog");
  await expect(dialog).toBeVisible();
  // Client-side validation with the shared zod schema: nothing is sent.
  await dialog.getByTestId("virtual-key-submit").click();
  await expect(dialog.getByTestId("vk-name-error")).toContainText("empty");
  await expect(dialog.getByTestId("vk-key-error")).toContainText("API key is required");

  await dialog.getByLabel("Name", { exact: true }).fill(name);
  await expect(dialog.getByTestId("vk-name-error")).toHaveCount(0);
  await dialog.getByLabel("Provider").selectOption("openai");
  await dialog.getByLabel("API key", { exact: true }).fill(SECRET);
  await dialog.getByLabel("Custom host (optional)").fill(`${E2E.mockUrl}/v1/`);
  await dialog.getByLabel("Note (optional)").fill("points at the mock provider");
  await page.screenshot({ path: "test-results/screenshots/settings-virtual-key-dialog.png" });
  await dialog.getByTestId("virtual-key-submit").click();
  await expect(page.locator('[data-testid="toast"][data-kind="success"]')).toContainText(`“${name}” created`);
  await expect(dialog).toBeHidden();

  const row = page.locator('[data-testid^="virtual-key-row-"]', { hasText: name });
  await expect(row.getByTestId("virtual-key-masked")).toHaveText("sk-t****3456");
  await expect(row).toContainText(`${E2E.mockUrl}/v1`);
  await expect(row).toContainText("OpenAI");
  await page.screenshot({ path: "test-results/screenshots/settings-virtual-keys.png", fullPage: true });

  // Azure shows its own fields.
  await page.getByTestId("virtual-key-new").click();
  await dialog.getByLabel("Provider").selectOption("azure-openai");
  await expect(dialog.getByLabel("Deployment name")).toBeVisible();
  await expect(dialog.getByLabel("Resource name")).toBeVisible();
  await expect(dialog.getByLabel("API version")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  // Edit the note; the key field starts empty (the secret is write-only) and stays unchanged.
  await row.getByRole("button", { name: `Edit ${name}` }).click();
  await expect(dialog.getByLabel("New API key")).toHaveValue("");
  await expect(dialog.getByLabel("New API key")).toHaveAttribute("placeholder", /sk-t\*\*\*\*3456/);
  await dialog.getByLabel("Note (optional)").fill("edited note");
  await dialog.getByTestId("virtual-key-submit").click();
  await expect(page.locator('[data-testid="toast"][data-kind="success"]').last()).toContainText("saved");
  await expect(row).toContainText("edited note");
  await expect(row.getByTestId("virtual-key-masked")).toHaveText("sk-t****3456");

  await page.reload();
  await expect(row.getByTestId("virtual-key-masked")).toHaveText("sk-t****3456");
  expect(await page.content()).not.toContain(SECRET);

  // Moving the key to another host without its key: the form says the key must be entered
  // again, and once saved the stored key is gone rather than sent to the new host.
  await row.getByRole("button", { name: `Edit ${name}` }).click();
  await expect(dialog.getByTestId("virtual-key-secret-notice")).toHaveCount(0);
  await dialog.getByLabel("Custom host (optional)").fill(`${E2E.mockUrl}/moved/v1`);
  await expect(dialog.getByTestId("virtual-key-secret-notice")).toContainText("enter the API key again");
  await dialog.getByTestId("virtual-key-submit").click();
  await expect(page.locator('[data-testid="toast"][data-kind="success"]').last()).toContainText("saved");
  await expect(row.getByTestId("virtual-key-masked")).toHaveText("needs a new key (host changed)");
  expect(bodies.length).toBeGreaterThan(0);
  for (const body of bodies) expect(body).not.toContain(SECRET);

  await row.getByRole("button", { name: `Delete ${name}` }).click();
  await page.getByTestId("confirm-dialog-confirm").click();
  await expect(page.locator('[data-testid="toast"][data-kind="success"]').last()).toContainText("deleted");
  await expect(row).toHaveCount(0);
});

test("API keys: the key is shown once, listed by prefix, and stops working when revoked", async ({ page, request }) => {
  const name = `e2e revocable ${Date.now()}`;
  await page.goto("/settings?tab=api-keys");
  await expect(page.getByTestId("api-keys-table")).toBeVisible();
  await page.getByTestId("api-key-new").click();
  const dialog = page.getByTestId("api-key-dialog");
  await dialog.getByLabel("Name", { exact: true }).fill(name);
  await dialog.getByLabel("Scope").selectOption("admin");
  await dialog.getByTestId("api-key-submit").click();

  const key = await dialog.getByTestId("api-key-value").inputValue();
  expect(key).toMatch(/^pk-promptly-/);
  await expect(dialog.getByTestId("api-key-copy")).toBeVisible();
  const works = await request.get("/v1/prompts", { headers: { "x-portkey-api-key": key } });
  expect(works.status()).toBe(200);

  await dialog.getByTestId("api-key-done").click();
  await expect(dialog).toBeHidden();
  const row = page.locator(`[data-testid^="api-key-row-"][data-name="${name}"]`);
  await expect(row).toContainText(key.slice(0, 16));
  await expect(row).toContainText("Admin");
  await expect(row.getByTestId("api-key-status")).toHaveText("Active");
  expect(await page.content()).not.toContain(key);
  await page.screenshot({ path: "test-results/screenshots/settings-api-keys.png", fullPage: true });

  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await page.getByTestId("confirm-dialog-confirm").click();
  await expect(page.locator('[data-testid="toast"][data-kind="success"]').last()).toContainText("revoked");
  await expect(row.getByTestId("api-key-status")).toHaveText("Revoked");
  const refused = await request.get("/v1/prompts", { headers: { "x-portkey-api-key": key } });
  expect(refused.status()).toBe(401);
  await page.reload();
  expect(await page.content()).not.toContain(key);
});

test("API keys: a completions key may be allowed drafts from the form; by default it is not", async ({ page, request }) => {
  for (const allowDrafts of [false, true]) {
    const name = `e2e drafts ${allowDrafts} ${Date.now()}`;
    await page.goto("/settings?tab=api-keys");
    await page.getByTestId("api-key-new").click();
    const dialog = page.getByTestId("api-key-dialog");
    await dialog.getByLabel("Name", { exact: true }).fill(name);
    await expect(dialog.getByLabel("Scope")).toHaveValue("completions");
    if (allowDrafts) await dialog.getByTestId("api-key-allow-drafts").check();
    await dialog.getByTestId("api-key-submit").click();
    await expect(dialog.getByTestId("api-key-value")).toBeVisible();
    await dialog.getByTestId("api-key-done").click();
    const list = (await (await request.get("/v1/api-keys")).json()) as { data: { name: string; allow_drafts: boolean }[] };
    expect(list.data.find((key) => key.name === name)?.allow_drafts).toBe(allowDrafts);
  }
});

test("labels: create, rename and delete a custom label; system labels are locked", async ({ page }) => {
  const name = `canary-${Date.now().toString(36)}`;
  await page.goto("/settings?tab=labels");
  for (const system of ["production", "staging", "development"]) {
    const row = page.getByTestId(`label-row-${system}`);
    await expect(row).toContainText("System");
    await expect(page.getByTestId(`label-locked-${system}`)).toBeVisible();
    await expect(page.getByTestId(`label-delete-${system}`)).toHaveCount(0);
  }

  await page.getByLabel("New label").fill("not valid!");
  await page.getByTestId("label-create-submit").click();
  await expect(page.getByTestId("label-name-error")).toContainText("letters, digits");

  await page.getByLabel("New label").fill(name);
  await page.getByLabel("Description (optional)").fill("Canary rollouts");
  await page.getByTestId("label-create-submit").click();
  await expect(page.locator('[data-testid="toast"][data-kind="success"]').last()).toContainText(`“${name}” created`);
  await expect(page.getByTestId(`label-row-${name}`)).toContainText("Canary rollouts");
  await expect(page.getByLabel("New label")).toHaveValue("");

  // The API's message is shown as is (names clash case-insensitively).
  await page.getByLabel("New label").fill(name.toUpperCase());
  await page.getByTestId("label-create-submit").click();
  await expect(page.getByTestId("label-create-error")).toContainText("already exists");
  await page.getByLabel("New label").fill("");
  await expect(page.getByTestId("label-create-error")).toHaveCount(0);

  await page.getByTestId(`label-rename-${name}`).click();
  await page.getByTestId("label-rename-input").fill(`${name}-2`);
  await page.getByTestId("label-rename-input").press("Enter");
  await expect(page.locator('[data-testid="toast"][data-kind="success"]').last()).toContainText(`renamed to “${name}-2”`);
  await expect(page.getByTestId(`label-row-${name}-2`)).toBeVisible();
  await expect(page.getByTestId(`label-row-${name}`)).toHaveCount(0);
  await page.screenshot({ path: "test-results/screenshots/settings-labels.png", fullPage: true });

  await page.getByTestId(`label-delete-${name}-2`).click();
  await page.getByTestId("confirm-dialog-confirm").click();
  await expect(page.locator('[data-testid="toast"][data-kind="success"]').last()).toContainText("deleted");
  await expect(page.getByTestId(`label-row-${name}-2`)).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId(`label-row-${name}-2`)).toHaveCount(0);
  await expect(page.getByTestId("label-row-production")).toBeVisible();
});
