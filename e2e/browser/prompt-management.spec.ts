import { expect, test, type Page } from "@playwright/test";
import { E2E } from "../support/env";

// The Prompts list's actions on one prompt: rename, duplicate (with and without its
// history), move to a folder, archive (hidden, runs refused) and restore.
const headers = { "x-portkey-api-key": E2E.apiKey };

async function openMenu(page: Page, slug: string, action: string) {
  await page.getByTestId(`prompt-menu-${slug}`).click();
  await page.getByTestId(`prompt-action-${action}`).click();
}

test("rename, duplicate with and without history, move, archive and restore a prompt from the list", async ({ page, request }) => {
  const tag = Date.now().toString(36);
  await page.setViewportSize({ width: 1440, height: 900 });
  const created = await request.post("/v1/prompts", { headers, data: { name: `Managed ${tag}`, string: "v1 {{q}}", template_metadata: { template_type: "completion" } } });
  const prompt = (await created.json()) as { id: string; slug: string };
  await request.put(`/v1/prompts/${prompt.id}`, { headers, data: { string: "v2 {{q}}" } });
  await request.put(`/v1/prompts/${prompt.id}/makeDefault`, { headers, data: { version: 2 } });
  const folder = await request.post("/v1/collections", { headers, data: { name: `Archive room ${tag}` } });
  const folderId = ((await folder.json()) as { id: string }).id;

  await page.goto("/prompts");
  await page.getByTestId("prompt-search").fill(tag);
  const row = page.getByTestId(`prompt-row-${prompt.slug}`);
  await expect(row).toBeVisible();

  // Rename: an empty name is explained, a good one applies; the slug stays.
  await openMenu(page, prompt.slug, "rename");
  await page.getByTestId("rename-prompt-name").fill("  ");
  await page.getByTestId("rename-prompt-submit").click();
  await expect(page.getByTestId("rename-prompt-name-error")).toHaveText("Must not be empty");
  await page.getByTestId("rename-prompt-name").fill(`Renamed ${tag}`);
  await page.getByTestId("rename-prompt-submit").click();
  await expect(row.getByTestId("prompt-link")).toHaveText(`Renamed ${tag}`);

  // Duplicate without history: one version, the published template.
  await openMenu(page, prompt.slug, "duplicate");
  await expect(page.getByTestId("duplicate-prompt-name")).toHaveValue(`Renamed ${tag} (copy)`);
  await page.getByTestId("duplicate-prompt-name").fill(`Plain copy ${tag}`);
  await page.getByTestId("duplicate-prompt-submit").click();
  await expect(page.getByTestId("toast").filter({ hasText: `Created "Plain copy ${tag}" with 1 version` })).toBeVisible();
  // With history: both versions.
  await openMenu(page, prompt.slug, "duplicate");
  await page.getByTestId("duplicate-prompt-name").fill(`Full copy ${tag}`);
  await page.getByTestId("duplicate-prompt-history").check();
  await page.getByTestId("duplicate-prompt-submit").click();
  await expect(page.getByTestId("toast").filter({ hasText: `Created "Full copy ${tag}" with 2 versions` })).toBeVisible();
  await expect(page.getByTestId("prompt-link").filter({ hasText: `Plain copy ${tag}` })).toBeVisible();
  await expect(page.getByTestId("prompt-link").filter({ hasText: `Full copy ${tag}` })).toBeVisible();
  const list = (await (await request.get(`/v1/prompts?search=${encodeURIComponent(`copy ${tag}`)}`, { headers })).json()) as { data: { id: string; name: string }[] };
  const versionsOf = async (name: string) => {
    const id = list.data.find((p) => p.name === name)!.id;
    return ((await (await request.get(`/v1/prompts/${id}/versions`, { headers })).json()) as { prompt_template: { string: string } }[]).map((v) => v.prompt_template.string);
  };
  expect(await versionsOf(`Plain copy ${tag}`)).toEqual(["v2 {{q}}"]);
  expect(await versionsOf(`Full copy ${tag}`)).toEqual(["v2 {{q}}", "v1 {{q}}"]);

  // Move to a folder.
  await openMenu(page, prompt.slug, "move");
  await page.getByTestId("move-prompt-folder").selectOption(folderId);
  await page.getByTestId("prompt-action-submit").click();
  await expect(row).toContainText(`Archive room ${tag}`);

  // Archive: gone from the list, shown by the Archived filter, runs refused; restore brings it back.
  await openMenu(page, prompt.slug, "archive");
  await page.getByTestId("prompt-action-submit").click();
  await expect(page.getByTestId("toast").filter({ hasText: `Archived "Renamed ${tag}"` })).toBeVisible();
  await expect(row).toHaveCount(0);
  const refused = await request.post(`/v1/prompts/${prompt.id}/render`, { headers, data: { variables: { q: "x" } } });
  expect(refused.status()).toBe(409);
  await page.getByTestId("prompt-archived-filter").selectOption("true");
  await expect(row.getByTestId("prompt-archived")).toBeVisible();
  await openMenu(page, prompt.slug, "restore");
  await expect(page.getByTestId("toast").filter({ hasText: `Restored "Renamed ${tag}"` })).toBeVisible();
  await expect(row).toHaveCount(0);
  await page.getByTestId("prompt-archived-filter").selectOption("false");
  await expect(row).toBeVisible();
  expect((await request.post(`/v1/prompts/${prompt.id}/render`, { headers, data: { variables: { q: "x" } } })).status()).toBe(200);
});

test("archiving a prompt a label points at says which labels, then archives on a second confirm", async ({ page, request }) => {
  const tag = Date.now().toString(36);
  const created = await request.post("/v1/prompts", { headers, data: { name: `Labelled ${tag}`, string: "hello", template_metadata: { template_type: "completion" } } });
  const prompt = (await created.json()) as { id: string; slug: string };
  await request.put(`/v1/prompts/${prompt.id}/versions/1`, { headers, data: { label_id: "development" } });
  await page.goto("/prompts");
  await page.getByTestId("prompt-search").fill(tag);
  await openMenu(page, prompt.slug, "archive");
  await page.getByTestId("prompt-action-submit").click();
  await expect(page.getByTestId("prompt-action-error")).toContainText("development (v1)");
  await expect(page.getByTestId("prompt-action-submit")).toHaveText("Archive anyway");
  await page.getByTestId("prompt-action-submit").click();
  await expect(page.getByTestId(`prompt-row-${prompt.slug}`)).toHaveCount(0);
});
