import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { E2E } from "../support/env";
import { OWNER, SIGNED_OUT } from "../support/owner";
import { typeInto } from "../support/prompt-helpers";

// Keyboard and navigation: the dialog shell, Ctrl/Cmd+S, menus, the unsaved-changes guard and
// deep links through sign-in.
const headers = { "x-portkey-api-key": E2E.apiKey };
const stamp = () => Date.now().toString(36);

async function apiPrompt(request: APIRequestContext, name: string) {
  const template = JSON.stringify([{ role: "system", content: "You are terse." }, { role: "user", content: "Tell me about {{topic}}." }]);
  const response = await request.post("/v1/prompts", { headers, data: { name, string: template, model: "gpt-4o-mini" } });
  expect(response.ok(), await response.text()).toBe(true);
  return (await response.json()) as { id: string; slug: string };
}

/** Whether the focused element is inside the open dialog. */
const focusInDialog = (page: Page) => page.evaluate(() => Boolean(document.activeElement?.closest("dialog[open]")));

test("a dialog starts on its first field, keeps Tab inside, Enter submits, Escape cancels, focus returns", async ({ page }) => {
  await page.goto("/prompts");
  const opener = page.getByTestId("new-folder");
  await opener.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByTestId("folder-dialog");
  await expect(dialog).toBeVisible();
  // Not on ×: Enter there would close without saving.
  await expect(page.getByTestId("folder-name")).toBeFocused();

  // Tab and Shift+Tab go round inside the dialog, never out to the page behind.
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press("Tab");
    expect(await focusInDialog(page)).toBe(true);
  }
  await page.getByTestId("folder-name").focus();
  await page.keyboard.press("Shift+Tab");
  expect(await focusInDialog(page)).toBe(true);
  await expect(page.getByTestId("folder-name")).not.toBeFocused();

  // Escape cancels and gives focus back to the button that opened it.
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();

  // Enter in the name field creates the folder.
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("folder-name")).toBeFocused();
  const name = `Keys ${stamp()}`;
  await page.keyboard.type(name);
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("prompts-folder-title")).toHaveText(name);
});

test("another dialog (a new dataset) also starts on its first field and Enter submits it", async ({ page }) => {
  await page.goto("/datasets");
  await page.getByTestId("dataset-new").click();
  const focused = await page.evaluate(() => {
    const active = document.activeElement;
    return { inDialog: Boolean(active?.closest("dialog[open]")), tag: active?.tagName.toLowerCase(), label: active?.getAttribute("aria-label") };
  });
  expect(focused).toEqual({ inDialog: true, tag: "input", label: null });
  const name = `Keyboard set ${stamp()}`;
  await page.keyboard.type(name);
  await page.keyboard.press("Enter");
  await expect(page.locator("dialog[open]")).toHaveCount(0);
  await expect(page.getByText(name).first()).toBeVisible();
});

test("Ctrl/Cmd+S saves in the prompt editor", async ({ page, request }) => {
  const prompt = await apiPrompt(request, `Shortcut ${stamp()}`);
  await page.goto(`/prompts/${prompt.id}`);
  await typeInto(page, "message-content-1", "Describe {{topic}} briefly.");
  await expect(page.getByTestId("draft-status")).toHaveAttribute("data-dirty", "true");
  await page.keyboard.press("ControlOrMeta+s");
  await expect(page.getByTestId("save-dialog")).toBeVisible();
  await expect(page.getByTestId("save-description")).toBeFocused();
  // The description is several lines: Enter is a new line there, Ctrl/Cmd+Enter saves.
  await page.keyboard.type("Brief");
  await page.keyboard.press("ControlOrMeta+Enter");
  await expect(page.getByTestId("toast").filter({ hasText: "Saved v2" })).toBeVisible();
  await expect(page.getByTestId("draft-status")).toHaveAttribute("data-dirty", "false");
});

test("menus follow the ARIA menu pattern: arrows, Home, End, Escape back to the button", async ({ page, request }) => {
  const prompt = await apiPrompt(request, `Menu keys ${stamp()}`);
  await page.goto("/prompts");
  await page.getByTestId("prompt-search").fill(prompt.slug.slice(0, 20));
  const button = page.getByTestId(`prompt-menu-${prompt.slug}`);
  await button.focus();
  await page.keyboard.press("ArrowDown");
  const first = page.getByTestId("prompt-action-rename");
  const second = page.getByTestId("prompt-action-duplicate");
  const last = page.getByTestId("prompt-action-delete");
  await expect(first).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(second).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(first).toBeFocused();
  // Up from the first item wraps to the last.
  await page.keyboard.press("ArrowUp");
  await expect(last).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(first).toBeFocused();
  await page.keyboard.press("End");
  await expect(last).toBeFocused();
  await page.keyboard.press("Home");
  await expect(first).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("menu")).toHaveCount(0);
  await expect(button).toBeFocused();

  // Enter opens it on the first item; choosing one opens its dialog, which returns focus to the button.
  await page.keyboard.press("Enter");
  await expect(first).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("dialog[open]")).toHaveCount(1);
  await page.keyboard.press("Escape");
  await expect(page.locator("dialog[open]")).toHaveCount(0);
  await expect(button).toBeFocused();
});

test("unsaved edits: an in-app link and closing the tab ask first", async ({ page, request }) => {
  const prompt = await apiPrompt(request, `Guard ${stamp()}`);
  await page.goto(`/prompts/${prompt.id}`);
  await typeInto(page, "message-content-1", "Unsaved {{topic}}.");
  await expect(page.getByTestId("draft-status")).toHaveAttribute("data-dirty", "true");

  // Dismissed: the page and the draft stay.
  const asked: string[] = [];
  page.once("dialog", (dialog) => {
    asked.push(dialog.type());
    void dialog.dismiss();
  });
  await page.getByTestId("nav-logs").click();
  await expect.poll(() => asked).toEqual(["confirm"]);
  await expect(page).toHaveURL(new RegExp(`/prompts/${prompt.id}$`));
  await expect(page.getByTestId("draft-status")).toHaveAttribute("data-dirty", "true");

  // Closing the tab asks too (beforeunload).
  page.once("dialog", (dialog) => {
    asked.push(dialog.type());
    void dialog.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => asked).toEqual(["confirm", "beforeunload"]);
  expect(page.isClosed()).toBe(false);

  // Accepted: the link is followed.
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByTestId("nav-logs").click();
  await expect(page).toHaveURL(/\/logs$/);
});

/** Answers the page's next dialog, noting its text in `asked`. */
function answerNextDialog(page: Page, asked: string[], answer: "accept" | "dismiss") {
  page.once("dialog", (dialog) => {
    asked.push(dialog.message());
    void dialog[answer]();
  });
}

test("unsaved edits: Back asks first; declined, the page and its draft stay; accepted, or once saved, one Back leaves", async ({ page, request }) => {
  const name = `Back guard ${stamp()}`;
  const prompt = await apiPrompt(request, name);
  const list = /\/prompts(\?.*)?$/;
  // Reached from the list by client-side navigation, as a user does: Back is Next's router's.
  const openFromList = async () => {
    await page.getByTestId("prompt-search").fill(name);
    await page.getByTestId(`prompt-row-${prompt.slug}`).getByTestId("prompt-link").click();
    await expect(page).toHaveURL(new RegExp(`/prompts/${prompt.id}$`));
  };
  await page.goto("/prompts");
  await openFromList();
  await typeInto(page, "message-content-1", "Unsaved {{topic}}.");
  await expect(page.getByTestId("draft-status")).toHaveAttribute("data-dirty", "true");

  const asked: string[] = [];
  answerNextDialog(page, asked, "dismiss");
  await page.goBack();
  await expect.poll(() => asked).toHaveLength(1);
  expect(asked[0]).toContain("unsaved changes");
  await expect(page).toHaveURL(new RegExp(`/prompts/${prompt.id}$`));
  await expect(page.getByTestId("draft-status")).toHaveAttribute("data-dirty", "true");

  // Asked again on the next Back (the guard is back in place); accepted, the list is back.
  answerNextDialog(page, asked, "accept");
  await page.goBack();
  await expect(page).toHaveURL(list);
  expect(asked).toHaveLength(2);

  // Saved: nothing to ask, and one Back still leaves the page.
  await openFromList();
  await typeInto(page, "message-content-1", "Saved {{topic}}.");
  await expect(page.getByTestId("draft-status")).toHaveAttribute("data-dirty", "true");
  await page.keyboard.press("ControlOrMeta+s");
  await expect(page.getByTestId("save-description")).toBeFocused();
  await page.keyboard.press("ControlOrMeta+Enter");
  await expect(page.getByTestId("draft-status")).toHaveAttribute("data-dirty", "false");
  answerNextDialog(page, asked, "dismiss");
  await page.goBack();
  await expect(page).toHaveURL(list);
  expect(asked).toHaveLength(2);
});

test("a deep link survives sign-in; next= pointing elsewhere is refused", async ({ browser }) => {
  const context = await browser.newContext({ storageState: SIGNED_OUT });
  const page = await context.newPage();
  const signIn = async () => {
    await page.getByLabel("Email").fill(OWNER.email);
    await page.getByLabel("Password").fill(OWNER.password);
    await page.getByTestId("sign-in-submit").click();
  };
  try {
    await page.goto("/logs?status=error");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Flogs%3Fstatus%3Derror$/);
    await signIn();
    await expect(page).toHaveURL(/\/logs\?status=error$/);

    // Signed in now: further sign-ins are answered here (better-auth allows few per 10 s), so
    // that only where the form sends the browser afterwards is tested.
    await page.route("**/api/auth/sign-in/email", (route) => route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify({ redirect: false, token: "t", user: { id: "u", email: OWNER.email } }) }));
    for (const evil of ["https://evil.example", "//evil.example", "/\\evil.example"]) {
      await page.goto(`/sign-in?next=${encodeURIComponent(evil)}`);
      await signIn();
      await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/prompts$/);
    }
  } finally {
    await context.close();
  }
});
