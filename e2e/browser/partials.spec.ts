import { expect, test, type Page } from "@playwright/test";
import { E2E } from "../support/env";
import { typeInto } from "../support/prompt-helpers";

// The Partials page: create partials, see which prompts include them (directly or through
// another partial), save a new version and publish it after a warning naming those prompts.
const headers = { "x-portkey-api-key": E2E.apiKey };

async function createPartialInUi(page: Page, name: string, slug: string, template: string) {
  await page.goto("/partials");
  await page.getByTestId("new-partial").click();
  await page.getByTestId("new-partial-name").fill(name);
  await page.getByTestId("new-partial-slug").fill(slug);
  await typeInto(page, "new-partial-template", template);
  await page.getByTestId("new-partial-submit").click();
  await expect(page).toHaveURL(new RegExp(`/partials/${slug}$`));
  await expect(page.getByTestId("page-title")).toHaveText(name);
}

test("partials: create, used by (direct and nested), publish warns with the prompts it changes", async ({ page, request }) => {
  const tag = Date.now().toString(36);
  const tone = `tone-${tag}`;
  const wrapper = `wrapper-${tag}`;
  await page.setViewportSize({ width: 1280, height: 900 });

  // The nav links to the page; the empty form explains itself instead of showing zod text.
  await page.goto("/prompts");
  await page.getByTestId("nav-partials").click();
  await expect(page.getByTestId("page-title")).toHaveText("Partials");
  await page.getByTestId("new-partial").click();
  await page.getByTestId("new-partial-submit").click();
  await expect(page.getByTestId("new-partial-name-error")).toHaveText("Must not be empty");
  await page.keyboard.press("Escape");

  await createPartialInUi(page, `Tone ${tag}`, tone, "Be kind.");
  await expect(page.getByTestId("partial-used-by-empty")).toBeVisible();
  await createPartialInUi(page, `Wrapper ${tag}`, wrapper, `Policy: {{>${tone}}}`);

  // One prompt includes the partial itself, another only through the wrapper.
  const make = async (name: string, string: string) => {
    const response = await request.post("/v1/prompts", { headers, data: { name, string, template_metadata: { template_type: "completion" } } });
    expect(response.ok(), await response.text()).toBe(true);
    return (await response.json()) as { id: string; slug: string };
  };
  const direct = await make(`Direct ${tag}`, `{{>${tone}}} Answer {{q}}`);
  const nested = await make(`Nested ${tag}`, `{{>${wrapper}}} Reply to {{q}}`);

  await page.goto("/partials");
  await page.getByTestId("partial-search").fill(tag);
  await expect(page.getByTestId(`partial-row-${tone}`)).toBeVisible();
  await page.getByTestId(`partial-row-${tone}`).getByTestId("partial-link").click();
  const usedBy = page.getByTestId("partial-used-by");
  await expect(usedBy.getByTestId(`used-by-${direct.slug}`)).toContainText("directly");
  await expect(usedBy.getByTestId(`used-by-${nested.slug}`)).toContainText(`through {{>${wrapper}}}`);
  await expect(page.getByTestId("partial-included-by")).toContainText(`{{>${wrapper}}}`);

  // A new version is saved unpublished; publishing it first lists the prompts it changes.
  await typeInto(page, "partial-editor", "Be kind and brief.");
  await page.getByTestId("partial-version-description").fill("Brief");
  await page.getByTestId("partial-save").click();
  await expect(page.getByTestId("partial-version-2")).toContainText("Brief");
  await expect(page.getByTestId("partial-published-version")).toHaveText("v1");
  await page.getByTestId("partial-publish-2").click();
  const warning = page.getByTestId("publish-partial");
  await expect(warning.getByTestId("publish-partial-count")).toContainText("These 2 prompts");
  await expect(warning.getByTestId(`used-by-${direct.slug}`)).toBeVisible();
  await expect(warning.getByTestId(`used-by-${nested.slug}`)).toBeVisible();
  await warning.getByTestId("publish-partial-confirm").click();
  await expect(page.getByTestId("partial-published-version")).toHaveText("v2");
  await expect(page.getByTestId("partial-version-2")).toContainText("published");

  // The prompts render the published text from now on.
  const rendered = await request.post(`/v1/prompts/${nested.id}/render`, { headers, data: { variables: { q: "x" } } });
  expect(((await rendered.json()) as { data: { prompt: string } }).data.prompt).toBe("Policy: Be kind and brief. Reply to x");
});

test("partials page: usable at 375 px, tables scroll inside their own box", async ({ page, request }) => {
  const tag = Date.now().toString(36);
  const created = await request.post("/v1/prompts/partials", { headers, data: { name: `Narrow ${tag} with a rather long name`, string: "Narrow text" } });
  const slug = ((await created.json()) as { slug: string }).slug;
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/partials");
  await expect(page.getByTestId(`partial-row-${slug}`)).toBeVisible();
  // The page's own column (beside the app's navigation) never scrolls sideways.
  const overflow = () => page.evaluate(() => (document.querySelector("main") ? document.querySelector("main")!.scrollWidth - document.querySelector("main")!.clientWidth : 1));
  expect(await overflow()).toBeLessThanOrEqual(0);
  await page.goto(`/partials/${slug}`);
  await expect(page.getByTestId("partial-used-by-empty")).toBeVisible();
  await expect(page.getByTestId("partial-save")).toBeVisible();
  expect(await overflow()).toBeLessThanOrEqual(0);
});

test("partials: set a label on a version from the page (keyboard), see its chip, remove it", async ({ page, request }) => {
  const slug = `labelled-${Date.now().toString(36)}`;
  const created = await request.post("/v1/prompts/partials", { headers, data: { name: "Labelled tone", slug, string: "Be brief." } });
  expect(created.status()).toBe(200);
  await page.goto(`/partials/${slug}`);
  const row = page.getByTestId("partial-version-1");
  const menu = page.getByTestId("partial-set-label-1");
  await menu.focus();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByTestId("partial-set-label-1-staging")).toBeVisible();
  await page.getByTestId("partial-set-label-1-staging").click();
  await expect(row.getByTestId("partial-label-chip-1-staging")).toHaveText("staging");
  const versions = await request.get(`/v1/prompts/partials/${slug}/versions`, { headers });
  expect(((await versions.json()) as { labels: string[] }[])[0].labels).toEqual(["staging"]);
  await row.getByTestId("partial-label-remove-1-staging").click();
  await expect(row.getByTestId("partial-label-chip-1-staging")).toHaveCount(0);
});
