import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { E2E } from "../support/env";
import { typeInto } from "../support/prompt-helpers";

// Validation before save, run and publish, in the prompt editor.
const headers = { "x-portkey-api-key": E2E.apiKey };
const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const chat = (...messages: [string, string][]) => JSON.stringify(messages.map(([role, content]) => ({ role, content })));
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function api(request: APIRequestContext, method: "post" | "put" | "get", path: string, data?: unknown): Promise<Json> {
  const response = await request[method](path, { headers, ...(data === undefined ? {} : { data }) });
  expect(response.ok(), await response.text()).toBe(true);
  return (await response.json()) as Json;
}

async function mockKey(request: APIRequestContext): Promise<string> {
  const made = await api(request, "post", "/v1/virtual-keys", { name: `Validation mock ${stamp()}`, provider: "openai", key: "sk-mock", custom_host: `${E2E.mockUrl}/v1` });
  return made.slug as string;
}

async function openPrompt(page: Page, request: APIRequestContext, body: Json) {
  const created = await api(request, "post", "/v1/prompts", { name: `Validation ${stamp()}`, ...body });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/prompts/${created.id}`);
  await expect(page.getByTestId("prompt-workspace")).toBeVisible();
  return created as { id: string; slug: string };
}

test("a Mustache syntax error is underlined where it is, keeps the variables listed and blocks Save", async ({ page, request }) => {
  const key = await mockKey(request);
  await openPrompt(page, request, { string: chat(["system", "Be brief."], ["user", "Hi"]), model: "mock-model", virtual_key: key });

  await typeInto(page, "message-content-1", "Tell me about {{topic}}.\n{{#items}}- {{name}}\nfrom {{city}}");
  const error = page.getByTestId("template-error");
  await expect(error).toHaveText('Message 2 (user) at line 2, column 1: Unclosed section "items": add {{/items}}');
  await expect(page.getByTestId("message-content-1").locator(".cm-lintRange-error")).toHaveText("{{#items}}");
  // One unclosed section must not empty the variables pane.
  await expect(page.getByTestId("variable-topic")).toBeVisible();
  await expect(page.getByTestId("variable-city")).toBeVisible();
  await expect(page.getByTestId("variable-items")).toBeVisible();

  await page.getByTestId("save-button").click();
  await expect(page.getByTestId("save-problems")).toContainText("line 2, column 1");
  await expect(page.getByTestId("save-submit")).toBeDisabled();
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("run-button")).toBeDisabled();

  // Fixed: the underline and the block go; a variable without a test value is only a warning.
  await page.getByTestId("message-content-1").locator(".cm-content").press("ControlOrMeta+End");
  await page.keyboard.type("{{/items}}");
  await expect(page.getByTestId("template-error")).toHaveCount(0);
  await expect(page.getByTestId("message-content-1").locator(".cm-lintRange-error")).toHaveCount(0);
  await expect(page.getByTestId("template-issues").locator('[data-code="missing_test_value"]').first()).toHaveAttribute("data-severity", "warning");
  await expect(page.getByTestId("run-button")).toBeEnabled();
  await page.getByTestId("save-button").click();
  await expect(page.getByTestId("save-submit")).toBeEnabled();
  await page.getByTestId("save-submit").click();
  await expect(page.getByTestId("toast").filter({ hasText: "Saved v2" })).toBeVisible();
});

test("an unknown partial is flagged and blocks Save", async ({ page, request }) => {
  await openPrompt(page, request, { string: "Hello", template_metadata: { template_type: "completion" } });
  await typeInto(page, "completion-content", "Hello {{>no-such-partial}}");
  const issue = page.getByTestId("template-issues").locator('[data-code="unknown_partial"]');
  await expect(issue).toContainText('line 1, column 7: Partial "no-such-partial" does not exist');
  await expect(page.getByTestId("completion-content").locator(".cm-lintRange-error")).toHaveCount(1);
  await page.getByTestId("save-button").click();
  await expect(page.getByTestId("save-submit")).toBeDisabled();
});

test("invalid tools or response-format JSON is shown and blocks Run instead of being dropped", async ({ page, request }) => {
  const key = await mockKey(request);
  await openPrompt(page, request, {
    string: chat(["user", "Weather?"]),
    model: "mock-model",
    virtual_key: key,
    tools: [{ type: "function", function: { name: "get_weather", parameters: { type: "object" } } }],
  });
  await typeInto(page, "tools-editor", '[{"type": "function", "function": {"name": "get_weather"');
  await expect(page.getByTestId("tools-error")).toContainText("Invalid JSON");
  await expect(page.getByTestId("run-button")).toBeDisabled();
  await expect(page.getByTestId("run-blocked")).toContainText("Invalid JSON");
  await page.keyboard.press("ControlOrMeta+Enter");
  await expect(page.getByTestId("run-output-panel")).toHaveAttribute("data-status", "idle");

  await typeInto(page, "tools-editor", '[{"type": "function", "function": {"name": "get_weather", "parameters": {"type": "dict"}}}]');
  await expect(page.getByTestId("tools-error")).toContainText('"type" "dict" is not a JSON schema type');
  await expect(page.getByTestId("run-button")).toBeDisabled();

  await typeInto(page, "tools-editor", "[]");
  await page.getByTestId("response-format-json_schema").click();
  await typeInto(page, "json-schema-editor", '{"name": "answer"}');
  await expect(page.getByTestId("json-schema-error")).toContainText("schema is missing");
  await expect(page.getByTestId("run-button")).toBeDisabled();
  await page.getByTestId("save-button").click();
  await expect(page.getByTestId("save-submit")).toBeDisabled();
});

test("the diff shows a trailing newline as a note, not as a changed line", async ({ page, request }) => {
  const created = await openPrompt(page, request, { string: "Hello\n{{name}}", template_metadata: { template_type: "completion" } });
  await api(request, "put", `/v1/prompts/${created.id}`, { string: "Hello\n{{name}}\n" });
  await page.reload();
  await page.getByTestId("toggle-history").click();
  await page.getByTestId("open-diff").click();
  const diff = page.getByTestId("diff-template");
  await expect(page.getByTestId("diff-template-newline")).toHaveText("Newline added at the end");
  await expect(diff.locator('[data-diff="add"]')).toHaveCount(0);
  await expect(diff.locator('[data-diff="remove"]')).toHaveCount(0);
});

test("publishing confirms with a diff against the published version; a broken version can't be", async ({ page, request }) => {
  const created = await openPrompt(page, request, { string: "Answer {{q}}", template_metadata: { template_type: "completion" } });
  await api(request, "put", `/v1/prompts/${created.id}`, { string: "Answer {{q}} briefly" });
  await page.reload();
  await page.getByTestId("publish-button").click();
  const dialog = page.getByTestId("publish-dialog");
  await expect(dialog).toContainText("instead of v1");
  await expect(dialog.getByTestId("publish-diff-template").locator('[data-diff="remove"]')).toHaveText(/Answer \{\{q\}\}$/);
  await expect(dialog.getByTestId("publish-diff-template").locator('[data-diff="add"]')).toHaveText(/Answer \{\{q\}\} briefly/);
  await page.getByTestId("publish-confirm").click();
  await expect(page.getByTestId("toast").filter({ hasText: "Published v2" })).toBeVisible();
  await expect(page.getByTestId("publish-button")).toHaveText(/Published/);

  // A version saved before these checks existed (imported here) opens with its error shown.
  const tag = stamp();
  await api(request, "post", "/v1/bundles/import", {
    format: "promptly-bundle",
    format_version: 1,
    collections: [{ path: `legacy-${tag}`, name: `Legacy ${tag}` }],
    prompts: [
      {
        slug: `legacy-${tag}`,
        name: `Legacy ${tag}`,
        collection: `legacy-${tag}`,
        published_version: 1,
        versions: [
          { version: 1, template_type: "completion", string: "Fine {{x}}" },
          { version: 2, template_type: "completion", string: "Broken {{#x}} never closed" },
        ],
      },
    ],
  });
  await page.goto(`/prompts/legacy-${tag}`);
  await expect(page.getByTestId("template-error")).toContainText('Unclosed section "x"');
  await expect(page.getByTestId("publish-button")).toBeDisabled();
  await expect(page.getByTestId("publish-button")).toHaveAttribute("title", /v2 can't be published: The template at line 1, column 8/);
  await expect(page.getByTestId("publish-blocked")).toBeVisible();
});

test("a new prompt starts as an unpublished draft with the first provider's first model; its form speaks plainly", async ({ page, request }) => {
  await mockKey(request);
  const keys = (await api(request, "get", "/v1/virtual-keys?page_size=100")).data as Json[];
  const oldest = [...keys].sort((a, b) => String(a.created_at).localeCompare(String(b.created_at)))[0];
  const providers = (await api(request, "get", "/v1/providers")).data as Json[];
  const model = providers.find((p) => p.id === oldest.ai_provider_name)?.models[0]?.id ?? "";

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/prompts");
  await page.getByTestId("new-prompt").click();
  await page.getByTestId("new-prompt-name").fill("x".repeat(201));
  await page.getByTestId("new-prompt-submit").click();
  await expect(page.getByTestId("new-prompt-name-error")).toHaveText("Name must be at most 200 characters");
  await expect(page.getByTestId("new-prompt-error")).not.toContainText(/Too big|expected string/);

  const name = `Fresh draft ${stamp()}`;
  await page.getByTestId("new-prompt-name").fill(name);
  await expect(page.getByTestId("new-prompt-default-model")).toContainText(model);
  await page.getByTestId("new-prompt-submit").click();
  await expect(page).toHaveURL(/\/prompts\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("draft-status")).toContainText("v1 · saved");
  await expect(page.getByTestId("publish-button")).toHaveText(/Publish v1/);
  await expect(page.getByTestId("model-input")).toHaveValue(model);
  await expect(page.getByTestId("virtual-key-select")).toHaveValue(oldest.slug);
  const id = page.url().split("/").pop() as string;
  expect((await api(request, "get", `/v1/prompts/${id}/versions`))[0]).toMatchObject({ prompt_version: 1, is_published: false });
});
