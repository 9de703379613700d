import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { E2E } from "../support/env";
import { mock } from "../support/mock";
import { apiPrompt, mockKey, typeInto } from "../support/prompt-helpers";

// The playground, round 2: rendered preview, saved variable sets, JSON variables, tool
// results sent back, snippets that run, the compare temperature placeholder, Ctrl/Cmd+Enter.
const headers = { "x-portkey-api-key": E2E.apiKey };
const stamp = () => Date.now().toString(36);

async function openPrompt(page: Page, id: string) {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/prompts/${id}`);
  await expect(page.getByTestId("run-pane")).toBeVisible();
}

test("the preview shows the final messages, rendered with the variables, partials and the draft", async ({ page, request }) => {
  const key = await mockKey(request, "Preview mock");
  const partialSlug = `sig-${stamp()}`;
  const partial = await request.post("/v1/prompts/partials", { headers, data: { name: `Signature ${stamp()}`, slug: partialSlug, string: "-- {{team}} team" } });
  expect(partial.ok(), await partial.text()).toBe(true);
  const prompt = await apiPrompt(request, {
    name: `Preview ${stamp()}`,
    string: JSON.stringify([
      { role: "system", content: `You help {{customer}}. {{>${partialSlug}}}` },
      { role: "user", content: "{{#items}}* {{name}}\n{{/items}}" },
    ]),
    model: "gpt-4o-mini",
    virtual_key: key,
  });
  await openPrompt(page, prompt.id);
  const preview = page.getByTestId("preview-pane");
  await expect(preview.getByTestId("render-preview-role-0")).toHaveText("system");
  await expect(preview.getByTestId("render-preview-content-0")).toHaveText("You help . --  team");

  await page.getByTestId("variable-customer").fill("Ada");
  await page.getByTestId("variable-team").fill("Support");
  await page.getByTestId("variable-mode-items").click();
  await typeInto(page, "variable-items", '[{"name": "tea"}, {"name": "cake"}]');
  await expect(preview.getByTestId("render-preview-content-0")).toHaveText("You help Ada. -- Support team");
  await expect(preview.getByTestId("render-preview-content-1")).toHaveText("* tea\n* cake");

  // An unsaved edit is previewed as the draft.
  await typeInto(page, "message-content-0", "Be kind to {{customer}}.");
  await expect(page.getByTestId("draft-status")).toHaveAttribute("data-dirty", "true");
  await expect(preview.getByTestId("render-preview-content-0")).toHaveText("Be kind to Ada.");
  await expect(page.getByTestId("variable-team")).toHaveCount(0);
  await page.screenshot({ path: "test-results/screenshots/playground-preview.png" });

  // A template the server can't render says why, where the preview was.
  await typeInto(page, "message-content-0", "Broken {{#open}}");
  await expect(preview.getByTestId("render-preview-error")).toBeVisible();
});

test("variable sets: save the fields as a set, pick, update, rename and delete it", async ({ page, request }) => {
  const key = await mockKey(request, "Sets mock");
  const prompt = await apiPrompt(request, {
    name: `Sets ${stamp()}`,
    string: JSON.stringify([{ role: "user", content: "Plan a trip to {{city}} for {{who}}" }]),
    model: "gpt-4o-mini",
    virtual_key: key,
  });
  const sets = async () => ((await (await request.get(`/v1/prompts/${prompt.id}/variable-sets`, { headers })).json()) as { data: { name: string; variables: Record<string, string> }[] }).data;
  await openPrompt(page, prompt.id);
  await expect(page.getByTestId("variable-set-select")).toBeDisabled();
  await expect(page.getByTestId("variable-set-select")).toContainText("No saved sets");

  await page.getByTestId("variable-city").fill("Lisbon");
  await page.getByTestId("variable-who").fill("two adults");
  await page.getByTestId("variable-set-save-as").click();
  // An empty name is refused in words, not with the schema's raw text.
  await page.getByTestId("variable-set-name-submit").click();
  await expect(page.getByTestId("variable-set-name-error")).toHaveText("Give the set a name");
  await page.getByTestId("variable-set-name").fill("Couple");
  await page.getByTestId("variable-set-name").press("Enter");
  await expect(page.getByTestId("toast").filter({ hasText: 'Saved "Couple"' })).toBeVisible();
  expect(await sets()).toEqual([expect.objectContaining({ name: "Couple", variables: { city: "Lisbon", who: "two adults" } })]);

  // Fields changed, then the set picked again: its values come back.
  await page.getByTestId("variable-city").fill("Porto");
  await page.getByTestId("variable-set-select").selectOption({ label: "Couple" });
  await expect(page.getByTestId("variable-city")).toHaveValue("Lisbon");
  await expect(page.getByTestId("variable-set-update")).toBeDisabled();

  // Update saves the fields into the picked set.
  await page.getByTestId("variable-who").fill("a family of four");
  await page.getByTestId("variable-set-update").click();
  await expect(page.getByTestId("toast").filter({ hasText: 'Updated "Couple"' })).toBeVisible();
  await expect.poll(async () => (await sets())[0]?.variables.who).toBe("a family of four");

  await page.getByTestId("variable-set-rename").click();
  await page.getByTestId("variable-set-name").fill("Family");
  await page.getByTestId("variable-set-name-submit").click();
  await expect(page.getByTestId("variable-set-select").locator("option:checked")).toHaveText("Family");
  expect((await sets()).map((s) => s.name)).toEqual(["Family"]);

  await page.getByTestId("variable-set-delete").click();
  await page.getByTestId("variable-set-delete-dialog-confirm").click();
  await expect(page.getByTestId("toast").filter({ hasText: 'Deleted "Family"' })).toBeVisible();
  expect(await sets()).toEqual([]);
  await expect(page.getByTestId("variable-city")).toHaveValue("Lisbon");
});

test("a variable that is not valid JSON says so and how it is sent; the JSON editor fixes it", async ({ page, request }) => {
  const key = await mockKey(request, "JSON mock");
  const prompt = await apiPrompt(request, {
    name: `JSON vars ${stamp()}`,
    string: JSON.stringify([{ role: "user", content: "Order: {{order}}" }]),
    model: "gpt-4o-mini",
    virtual_key: key,
  });
  await mock.reset();
  await openPrompt(page, prompt.id);
  await page.getByTestId("variable-order").fill('{"id": 42,');
  await expect(page.getByTestId("variable-error-order")).toContainText("Not valid JSON");
  await expect(page.getByTestId("variable-error-order")).toContainText("it will be sent as plain text, exactly as typed");
  await page.getByTestId("run-button").click();
  await expect(page.getByTestId("run-output-panel")).toHaveAttribute("data-status", "done");
  // Sent as the text typed, as the field said.
  expect((await mock.requests())[0].body.messages).toEqual([{ role: "user", content: 'Order: {"id": 42,' }]);

  // The JSON editor shows the same error until the value parses, then sends it as JSON.
  await page.getByTestId("variable-mode-order").click();
  await expect(page.getByTestId("variable-order").locator(".cm-content")).toBeVisible();
  await expect(page.getByTestId("variable-error-order")).toBeVisible();
  await typeInto(page, "variable-order", '{"id": 42, "items": ["tea"]}');
  await expect(page.getByTestId("variable-error-order")).toHaveCount(0);
  await expect(page.getByTestId("variable-json-order")).toBeVisible();
  await page.getByTestId("run-button").click();
  await expect.poll(async () => (await mock.requests()).length).toBe(2);
  expect((await mock.requests())[1].body.messages).toEqual([{ role: "user", content: 'Order: {"id":42,"items":["tea"]}' }]);
});

test("tool calls show as cards; a typed result is sent back and the conversation continues", async ({ page, request }) => {
  const key = await mockKey(request, "Tools mock");
  const tools = [{ type: "function", function: { name: "get_weather", parameters: { type: "object", properties: { city: { type: "string" } } } } }];
  const prompt = await apiPrompt(request, {
    name: `Tools ${stamp()}`,
    string: JSON.stringify([{ role: "user", content: "Weather in {{city}}?" }]),
    model: "mock-tools",
    virtual_key: key,
    tools,
  });
  await mock.reset();
  await openPrompt(page, prompt.id);
  await page.getByTestId("variable-city").fill("Paris");
  await page.getByTestId("run-button").click();
  const card = page.getByTestId("tool-call");
  await expect(card.getByTestId("tool-call-name")).toHaveText("get_weather");
  await expect(card.getByTestId("tool-call-id")).toHaveText("call_mock_0");
  await expect(card.getByTestId("tool-call-arguments")).toHaveText(JSON.stringify({ city: "Paris" }, null, 2));
  await expect(page.getByTestId("stat-finish")).toHaveText("tool_calls");

  const result = '{"temperature": "18C", "sky": "{{clear}}"}';
  await page.getByTestId("tool-result-0").fill(result);
  await page.getByTestId("tool-continue").click();
  await expect(page.getByTestId("run-output")).toHaveText(`Mock answer to: tool result ${result}`);
  await expect(page.getByTestId("conversation-0")).toHaveAttribute("data-role", "assistant");
  await expect(page.getByTestId("conversation-1")).toContainText(result);
  await page.screenshot({ path: "test-results/screenshots/playground-tool-result.png" });

  const [, second] = await mock.requests();
  expect(second.body.tools).toEqual(tools);
  expect(second.body.messages).toEqual([
    { role: "user", content: "Weather in Paris?" },
    { role: "assistant", content: null, tool_calls: [{ id: "call_mock_0", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } }] },
    { role: "tool", tool_call_id: "call_mock_0", content: result },
  ]);
  // A fresh Run starts over from the template alone.
  await page.getByTestId("run-button").click();
  await expect(page.getByTestId("conversation")).toHaveCount(0);
  await expect.poll(async () => (await mock.requests()).length).toBe(3);
  expect((await mock.requests())[2].body.messages).toEqual([{ role: "user", content: "Weather in Paris?" }]);
});

test("the TypeScript and cURL snippets of the Use dialog run against this server with the current variables", async ({ page, request }) => {
  test.setTimeout(120_000);
  const key = await mockKey(request, "Snippet mock");
  const prompt = await apiPrompt(request, {
    name: `Snippets ${stamp()}`,
    string: JSON.stringify([{ role: "user", content: "Pack for {{trip.city}}: {{note}}" }]),
    model: "gpt-4o-mini",
    virtual_key: key,
  });
  await openPrompt(page, prompt.id);
  await page.getByTestId("variable-mode-trip").click();
  await typeInto(page, "variable-trip", '{"city": "Oslo"}');
  await page.getByTestId("variable-note").fill("it's cold");
  await page.getByTestId("open-use-prompt").click();
  const expected = "Mock answer to: Pack for Oslo: it's cold";
  const env = { ...process.env, PROMPTLY_API_KEY: E2E.apiKey };

  await page.getByTestId("snippet-tab-typescript").click();
  const typescript = (await page.getByTestId("snippet-code").textContent()) ?? "";
  expect(typescript).toContain(`baseURL: "${E2E.baseUrl}/v1"`);
  const file = path.resolve(`test-results/snippet-${stamp()}.mts`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, typescript);
  try {
    const ran = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", file], { env, encoding: "utf8", timeout: 60_000 });
    expect(ran.status, ran.stderr).toBe(0);
    expect(ran.stdout.trim()).toBe(expected);
  } finally {
    fs.rmSync(file, { force: true });
  }

  await page.getByTestId("snippet-tab-curl").click();
  const curl = (await page.getByTestId("snippet-code").textContent()) ?? "";
  if (spawnSync("sh", ["-c", "command -v curl"]).status === 0) {
    const ran = spawnSync("sh", ["-c", curl], { env, encoding: "utf8", timeout: 60_000 });
    expect(ran.status, ran.stderr).toBe(0);
    expect((JSON.parse(ran.stdout) as { choices: { message: { content: string } }[] }).choices[0].message.content).toBe(expected);
  }

  await page.getByTestId("snippet-tab-python").click();
  await expect(page.getByTestId("snippet-code")).toContainText('"note": "it\'s cold"');
});

test("compare: an empty temperature shows the source's saved value, else the provider's default", async ({ page, request }) => {
  const key = await mockKey(request, "Temperature mock");
  const prompt = await apiPrompt(request, {
    name: `Temperature ${stamp()}`,
    string: JSON.stringify([{ role: "user", content: "Hi" }]),
    model: "gpt-4o-mini",
    virtual_key: key,
    parameters: { temperature: 0.3 },
  });
  // v2 saves no temperature: it runs at OpenAI's default, 1.
  const v2 = await request.put(`/v1/prompts/${prompt.id}`, { headers, data: { string: JSON.stringify([{ role: "user", content: "Hello" }]), model: "gpt-4o-mini", virtual_key: key, parameters: {} } });
  expect(v2.ok(), await v2.text()).toBe(true);
  await openPrompt(page, prompt.id);
  await page.getByTestId("mode-compare").click();
  await expect(page.getByTestId("compare-source-0")).toHaveValue("2");
  await expect(page.getByTestId("compare-temperature-0")).toHaveAttribute("placeholder", "1");
  await expect(page.getByTestId("compare-temperature-0")).toHaveAttribute("title", /OpenAI's default/);
  await page.getByTestId("compare-source-0").selectOption("1");
  await expect(page.getByTestId("compare-temperature-0")).toHaveAttribute("placeholder", "0.3");
  // The draft column follows the draft's own temperature.
  await expect(page.getByTestId("compare-temperature-1")).toHaveAttribute("placeholder", "1");
  await page.getByTestId("mode-editor").click();
  // The model settings say the same of an empty temperature.
  await expect(page.getByTestId("param-temperature")).toHaveAttribute("placeholder", "1");
  await page.getByTestId("param-temperature").fill("0.7");
  await page.getByTestId("mode-compare").click();
  await expect(page.getByTestId("compare-temperature-1")).toHaveAttribute("placeholder", "0.7");
});

test("Ctrl/Cmd+Enter runs from a variable field and from the template editor", async ({ page, request }) => {
  const key = await mockKey(request, "Shortcut mock");
  const prompt = await apiPrompt(request, {
    name: `Shortcut ${stamp()}`,
    string: JSON.stringify([{ role: "user", content: "Say {{word}}" }]),
    model: "gpt-4o-mini",
    virtual_key: key,
  });
  await mock.reset();
  await openPrompt(page, prompt.id);
  await page.getByTestId("variable-word").fill("hello");
  await page.getByTestId("variable-word").press("ControlOrMeta+Enter");
  await expect(page.getByTestId("run-output")).toHaveText("Mock answer to: Say hello");
  // The field kept its text: the shortcut added no newline.
  await expect(page.getByTestId("variable-word")).toHaveValue("hello");

  await typeInto(page, "message-content-0", "Shout {{word}}");
  await page.keyboard.press("ControlOrMeta+Enter");
  await expect(page.getByTestId("run-output")).toHaveText("Mock answer to: Shout hello");
  await expect(page.getByTestId("message-content-0").locator(".cm-content")).toHaveText("Shout {{word}}");
  await expect.poll(async () => (await mock.requests()).length).toBe(2);
});
