import { expect, test } from "@playwright/test";
import { OWNER, OWNER_STATE } from "../support/owner";

// Runs first on a fresh database (file names sort): the install has no user yet.
test("a fresh install sets up the owner, signs in and out, navigates and toggles the theme", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  await page.getByLabel("Your name").fill(OWNER.name);
  await page.getByLabel("Email").fill(OWNER.email);
  await page.getByLabel("Password", { exact: true }).fill(OWNER.password);
  await page.getByLabel("Confirm password").fill(OWNER.password);
  await page.getByTestId("setup-submit").click();
  await expect(page).toHaveURL(/\/prompts$/);
  await expect(page.getByTestId("signed-in-as")).toHaveText(OWNER.email);

  // Sign-up is closed once the owner exists.
  await page.goto("/setup");
  await expect(page).toHaveURL(/\/sign-in$|\/prompts$/);

  await page.goto("/prompts");
  await page.getByTestId("sign-out").click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/settings");
  // The page asked for is kept for after sign-in.
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fsettings$/);

  await page.getByLabel("Email").fill(OWNER.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByTestId("sign-in-submit").click();
  await expect(page.getByTestId("error")).toContainText("Wrong email or password");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fsettings$/);

  await page.getByLabel("Password").fill(OWNER.password);
  await page.getByTestId("sign-in-submit").click();
  await expect(page).toHaveURL(/\/settings$/);

  for (const [nav, title] of [["logs", "Logs"], ["settings", "Settings"], ["prompts", "Prompts"]] as const) {
    await page.getByTestId(`nav-${nav}`).click();
    await expect(page).toHaveURL(new RegExp(`/${nav}$`));
    await expect(page.getByTestId("page-title")).toHaveText(title);
    await expect(page.getByTestId(`nav-${nav}`)).toHaveAttribute("aria-current", "page");
  }

  const html = page.locator("html");
  const toggle = page.getByTestId("theme-toggle");
  // system → light → dark: the class follows, and survives a reload.
  await toggle.click();
  await expect(toggle).toHaveAttribute("data-theme-choice", "light");
  await expect(html).not.toHaveClass(/dark/);
  await toggle.click();
  await expect(toggle).toHaveAttribute("data-theme-choice", "dark");
  await expect(html).toHaveClass(/dark/);
  await page.reload();
  await expect(html).toHaveClass(/dark/);
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).not.toBe("rgb(255, 255, 255)");
  await page.screenshot({ path: "test-results/screenshots/foundation-dark.png", fullPage: true });
  await toggle.click();
  await expect(toggle).toHaveAttribute("data-theme-choice", "system");
  await page.context().storageState({ path: OWNER_STATE });
});
