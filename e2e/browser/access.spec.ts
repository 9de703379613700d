import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { E2E } from "../support/env";
import { mock } from "../support/mock";
import { OWNER } from "../support/owner";

// Access control in the browser: the owner (signed in through storageState) invites an
// editor and a viewer from Settings → Members; each accepts in a fresh browser; the editor
// edits but can't open Settings → virtual keys; the viewer runs but can't save; an expired
// invitation is refused.
test.describe.configure({ mode: "serial" });

const stamp = Date.now().toString(36);
const EDITOR = { name: "Eddie Editor", email: `editor-${stamp}@promptly.test`, password: "editor-password-1" };
const VIEWER = { name: "Vera Viewer", email: `viewer-${stamp}@promptly.test`, password: "viewer-password-1" };
const links: Record<"editor" | "viewer", string> = { editor: "", viewer: "" };
const contexts: BrowserContext[] = [];
let editorPage: Page;
let promptId: string;

/** A browser with nobody signed in. */
async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: E2E.baseUrl, storageState: { cookies: [], origins: [] } });
  contexts.push(context);
  return context.newPage();
}

async function accept(page: Page, link: string, account: typeof EDITOR, emailLocked: boolean) {
  await page.goto(link);
  await expect(page.getByTestId("page-title")).toHaveText("Join Promptly");
  await page.getByLabel("Your name").fill(account.name);
  if (emailLocked) await expect(page.getByLabel("Email")).toHaveValue(account.email);
  else await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByLabel("Confirm password").fill(account.password);
  await page.getByTestId("invite-submit").click();
  await expect(page).toHaveURL(/\/prompts$/);
  await expect(page.getByTestId("signed-in-as")).toHaveText(account.email);
}

test.beforeAll(async ({ request }) => {
  const headers = { "x-portkey-api-key": E2E.apiKey };
  const vk = await request.post("/v1/virtual-keys", { headers, data: { name: `Access mock ${stamp}`, provider: "openai", key: "sk-mock", custom_host: `${E2E.mockUrl}/v1` } });
  const slug = ((await vk.json()) as { slug: string }).slug;
  const prompt = await request.post("/v1/prompts", {
    headers,
    data: { name: `Access prompt ${stamp}`, string: JSON.stringify([{ role: "user", content: "Say hello" }]), parameters: { model: "gpt-4o-mini" }, virtual_key: slug },
  });
  promptId = ((await prompt.json()) as { id: string }).id;
});

test.afterAll(async () => {
  await Promise.all(contexts.map((context) => context.close()));
});

test("the owner invites an editor and a viewer from Settings → Members", async ({ page }) => {
  await page.goto("/settings?tab=members");
  await expect(page.getByTestId("settings-tab-members")).toHaveAttribute("aria-current", "page");
  await expect(page.locator(`[data-email="${OWNER.email}"]`)).toContainText("You");

  for (const role of ["editor", "viewer"] as const) {
    await page.getByTestId("invite-new").click();
    const dialog = page.getByTestId("invite-dialog");
    // The viewer's invitation is for one address; the editor's for whoever has the link.
    if (role === "viewer") await dialog.getByLabel("Email (optional)").fill(VIEWER.email);
    await dialog.getByLabel("Role").selectOption(role);
    await dialog.getByTestId("invite-submit").click();
    links[role] = await dialog.getByTestId("invite-link").inputValue();
    expect(links[role]).toMatch(new RegExp(`^${E2E.baseUrl}/invite/[A-Za-z0-9_-]{43}$`));
    await dialog.getByTestId("invite-done").click();
    await expect(dialog).toBeHidden();
  }
  // Every e2e run starts on a fresh database: these are the only invitations.
  await expect(page.locator('[data-testid^="invite-row-"][data-status="pending"]')).toHaveCount(2);
  // The list never shows the link again.
  expect(await page.content()).not.toContain(links.editor.split("/invite/")[1]);
  await page.screenshot({ path: "test-results/screenshots/settings-members.png", fullPage: true });
});

test("the editor accepts, can edit, but can't open Settings → virtual keys", async ({ browser }) => {
  const page = (editorPage = await freshPage(browser));
  await accept(page, links.editor, EDITOR, false);

  // Edits: a new prompt through the UI, a label through the API with the session cookie.
  await page.getByTestId("new-prompt").click();
  await page.getByTestId("new-prompt-name").fill(`Editor's prompt ${stamp}`);
  await page.getByTestId("new-prompt-submit").click();
  await expect(page).toHaveURL(/\/prompts\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("save-button")).not.toHaveAttribute("title", /Viewers/);
  expect((await page.request.post("/v1/labels", { data: { name: `editor-${stamp}` } })).status()).toBe(200);

  // Settings: labels only; virtual keys refused by the server, whatever the URL says.
  await page.getByTestId("nav-settings").click();
  await expect(page.getByTestId("settings-tab-labels")).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("settings-tab-virtual-keys")).toHaveCount(0);
  await expect(page.getByTestId("settings-tab-api-keys")).toHaveCount(0);
  await expect(page.getByTestId("settings-tab-members")).toHaveCount(0);
  await expect(page.getByTestId("settings-tab-webhooks")).toHaveCount(0);
  await expect(page.getByTestId("settings-tab-audit-log")).toHaveCount(0);
  await page.goto("/settings?tab=virtual-keys");
  await expect(page.getByTestId("settings-forbidden")).toContainText("Only the owner can open Virtual keys");
  await expect(page.getByTestId("virtual-keys-section")).toHaveCount(0);
  await page.goto("/settings?tab=members");
  await expect(page.getByTestId("settings-forbidden")).toBeVisible();
  await expect(page.getByTestId("members-section")).toHaveCount(0);
  for (const [method, route] of [["GET", "/v1/api-keys"], ["POST", "/v1/virtual-keys"], ["GET", "/v1/members"]] as const) {
    const answer = await page.request.fetch(route, { method, data: method === "POST" ? { name: "x", provider: "openai", key: "sk-x" } : undefined });
    expect(answer.status(), `${method} ${route}`).toBe(403);
  }
});

test("the viewer accepts, runs in the playground, but can't save", async ({ browser }) => {
  const page = await freshPage(browser);
  await accept(page, links.viewer, VIEWER, true);
  await expect(page.getByTestId("new-prompt")).toHaveCount(0);
  await expect(page.getByTestId("nav-settings")).toHaveCount(0);
  await page.goto("/settings");
  await expect(page.getByTestId("settings-forbidden")).toContainText("Viewers have no settings");

  await mock.reset();
  await page.goto(`/prompts/${promptId}`);
  await page.getByTestId("run-button").click();
  await expect(page.getByTestId("run-output")).toHaveText("Mock answer to: Say hello");
  const save = page.getByTestId("save-button");
  await expect(save).toBeDisabled();
  await expect(save).toHaveAttribute("title", /Viewers can run prompts, not save/);
  await expect(page.getByTestId("publish-button")).toBeDisabled();
  // An edit makes a draft to run, never something to save.
  const content = page.getByTestId("message-content-0").locator(".cm-content");
  await content.click();
  await page.keyboard.type(" again");
  await expect(page.getByTestId("draft-status")).toHaveAttribute("data-dirty", "true");
  await expect(save).toBeDisabled();

  const refused = await page.request.put(`/v1/prompts/${promptId}`, { data: { string: JSON.stringify([{ role: "user", content: "x" }]), parameters: {} } });
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { message: string }).message).toMatch(/viewer/);
  expect((await page.request.post(`/v1/prompts/${promptId}/completions`, { data: { variables: {} } })).status()).toBe(200);
});

test("an expired or already used invitation is refused", async ({ page, browser }) => {
  const created = await page.request.post("/v1/invites", { data: { role: "editor", expires_in_seconds: 1 } });
  expect(created.status()).toBe(200);
  const expiredLink = ((await created.json()) as { url: string }).url;
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const stranger = await freshPage(browser);
  await stranger.goto(expiredLink);
  await expect(stranger.getByTestId("invite-refused")).toContainText("expired");
  await expect(stranger.getByTestId("invite-form")).toHaveCount(0);
  await stranger.goto(links.editor);
  await expect(stranger.getByTestId("invite-refused")).toContainText("already been used");
});

test("the owner changes a role and removes a member: it applies at once", async ({ page }) => {
  await page.goto("/settings?tab=members");
  const viewerRow = page.locator(`[data-email="${VIEWER.email}"]`);
  await viewerRow.getByTestId("member-role").selectOption("editor");
  await expect(viewerRow).toHaveAttribute("data-role", "editor");

  const editorRow = page.locator(`[data-email="${EDITOR.email}"]`);
  await editorRow.getByTestId("member-remove").click();
  await page.getByTestId("confirm-dialog-confirm").click();
  await expect(editorRow).toHaveCount(0);
  // The removed editor is signed out on their next request.
  await editorPage.goto("/prompts");
  await expect(editorPage).toHaveURL(/\/sign-in$/);
});
