import { expect, test, type Locator, type Page } from "@playwright/test";
import { E2E } from "../support/env";
import { mock } from "../support/mock";
import { portkeyClient } from "../support/portkey";
import { apiPrompt, mockKey, typeInto } from "../support/prompt-helpers";

// The playground journey, compare, and stop.
const headers = { "x-portkey-api-key": E2E.apiKey };
const stamp = () => Date.now().toString(36);

/** Samples a streaming output until it shows `final`; returns the distinct texts seen. */
async function watchStream(page: Page, output: Locator, final: string): Promise<string[]> {
  const seen: string[] = [];
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const text = (await output.count()) > 0 ? ((await output.textContent()) ?? "") : "";
    if (text && seen.at(-1) !== text) seen.push(text);
    if (text === final) break;
    await page.waitForTimeout(30);
  }
  return seen;
}

test("journey: folder, chat prompt, streamed run, versions, publish, diff, label, SDK", async ({ page, request }) => {
  test.setTimeout(120_000);
  const key = await mockKey(request, "Journey mock");
  await mock.reset();
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/prompts");

  const folderName = `Journey ${stamp()}`;
  await page.getByTestId("new-folder").click();
  await page.getByTestId("folder-name").fill(folderName);
  await page.getByTestId("folder-dialog-submit").click();
  await expect(page.getByTestId("prompts-folder-title")).toHaveText(folderName);

  // The New prompt dialog creates the prompt with a starter template as v1 (see the report).
  await page.getByTestId("new-prompt").click();
  await page.getByTestId("new-prompt-name").fill(`Trip planner ${stamp()}`);
  await expect(page.getByTestId("new-prompt-folder").locator("option:checked")).toContainText(folderName);
  await expect(page.getByTestId("new-prompt-type-chat")).toBeChecked();
  await page.getByTestId("new-prompt-submit").click();
  await expect(page).toHaveURL(/\/prompts\/[0-9a-f-]{36}$/);
  const promptId = page.url().split("/").pop() as string;
  await expect(page.getByTestId("message-role-0")).toHaveValue("system");
  await expect(page.getByTestId("message-role-1")).toHaveValue("user");

  await typeInto(page, "message-content-0", "You are a concise travel guide.");
  await typeInto(page, "message-content-1", "Tell me about {{topic}} in three words.");
  await expect(page.getByTestId("variable-topic")).toBeVisible();
  await expect(page.getByTestId("draft-status")).toHaveAttribute("data-dirty", "true");
  await page.getByTestId("virtual-key-select").selectOption(key);
  await page.getByTestId("model-input").fill("mock-slow"); // the mock streams a token every 200 ms
  await page.getByTestId("variable-topic").fill("Lisbon");

  await page.keyboard.press("ControlOrMeta+Enter");
  const final = "Mock answer to: Tell me about Lisbon in three words.";
  const seen = await watchStream(page, page.getByTestId("run-output"), final);
  const intermediate = seen.filter((text) => text !== final);
  expect(intermediate.length, `texts seen: ${JSON.stringify(seen)}`).toBeGreaterThanOrEqual(2);
  for (const text of intermediate) expect(final.startsWith(text)).toBe(true);
  await expect(page.getByTestId("run-output")).toHaveText(final);
  await expect(page.getByTestId("run-output-panel")).toHaveAttribute("data-status", "done");
  await expect(page.getByTestId("stat-finish")).toHaveText("stop");
  await expect(page.getByTestId("stat-latency")).toContainText(/\d/);
  await expect(page.getByTestId("stat-ttft")).toContainText(/\d/);
  await expect(page.getByTestId("stat-tokens")).toContainText(/\d+ → \d+/);
  // The draft ran through the completions route: the mock got the unsaved messages.
  const [upstream] = await mock.requests();
  expect(upstream.body).toMatchObject({
    model: "mock-slow",
    stream: true,
    messages: [
      { role: "system", content: "You are a concise travel guide." },
      { role: "user", content: "Tell me about Lisbon in three words." },
    ],
  });
  await page.screenshot({ path: "test-results/screenshots/prompt-page-light.png" });

  // Save the first real version (v2: v1 is the starter) and publish it.
  await page.getByTestId("save-button").click();
  await page.getByTestId("save-description").fill("Three-word answers");
  await page.getByTestId("save-submit").click();
  await expect(page.getByTestId("toast").filter({ hasText: "Saved v2" })).toBeVisible();
  await expect(page.getByTestId("draft-status")).toHaveAttribute("data-dirty", "false");
  await page.getByTestId("publish-button").click();
  await page.getByTestId("publish-confirm").click();
  await expect(page.getByTestId("toast").filter({ hasText: "Published v2" })).toBeVisible();
  await expect(page.getByTestId("publish-button")).toHaveText(/Published/);

  // Edit and save v3.
  await typeInto(page, "message-content-1", "Describe {{topic}} in one sentence.");
  await page.keyboard.press("ControlOrMeta+s");
  await page.getByTestId("save-description").fill("One sentence");
  await page.getByTestId("save-submit").click();
  await expect(page.getByTestId("toast").filter({ hasText: "Saved v3" })).toBeVisible();

  // History: v2 published, v3 newest; the diff shows the changed user message.
  await page.getByTestId("toggle-history").click();
  await expect(page.getByTestId("version-published-2")).toBeVisible();
  await expect(page.getByTestId("version-3")).toContainText("One sentence");
  await page.getByTestId("open-diff").click();
  await expect(page.getByTestId("diff-left")).toHaveValue("2");
  await expect(page.getByTestId("diff-right")).toHaveValue("3");
  const diff = page.getByTestId("diff-template");
  await expect(diff.locator('[data-diff="remove"]')).toContainText("Tell me about {{topic}} in three words.");
  await expect(diff.locator('[data-diff="add"]')).toContainText("Describe {{topic}} in one sentence.");
  await expect(page.getByTestId("diff-settings-same")).toBeVisible();
  await page.keyboard.press("Escape");

  // Label v3 staging.
  await page.getByTestId("version-label-menu-3").click();
  await page.getByTestId("label-option-staging").click();
  await expect(page.getByTestId("version-labels-3")).toContainText("staging");

  // Open v2 read only.
  await page.getByTestId("version-open-2").click();
  await expect(page.getByTestId("read-only-banner")).toContainText("v2");
  await expect(page.getByTestId("message-content-1")).toHaveAttribute("data-readonly", "true");
  await expect(page.getByTestId("message-content-1")).toContainText("Tell me about {{topic}} in three words.");
  await page.getByTestId("back-to-draft").click();

  // The API: the plain id answers from the published v2, @staging from v3.
  const portkey = portkeyClient();
  const published = (await portkey.prompts.render({ promptID: promptId, variables: { topic: "Porto" } })) as unknown as {
    data: { messages: { content: string }[]; model: string };
  };
  expect(published.data.messages[1].content).toBe("Tell me about Porto in three words.");
  expect(published.data.model).toBe("mock-slow");
  const staging = (await portkey.prompts.render({ promptID: `${promptId}@staging`, variables: { topic: "Porto" } })) as unknown as {
    data: { messages: { content: string }[] };
  };
  expect(staging.data.messages[1].content).toBe("Describe Porto in one sentence.");
  type Answer = { choices: { message: { content: string } }[] };
  const answer = (await portkey.prompts.completions.create({ promptID: `${promptId}@staging`, variables: { topic: "Porto" }, model: "mock-fast" })) as unknown as Answer;
  expect(answer.choices[0].message.content).toBe("Mock answer to: Describe Porto in one sentence.");
  const plain = (await portkey.prompts.completions.create({ promptID: promptId, variables: { topic: "Porto" }, model: "mock-fast" })) as unknown as Answer;
  expect(plain.choices[0].message.content).toBe("Mock answer to: Tell me about Porto in three words.");

  // Dark mode screenshot of the same page.
  // The theme is "system": it follows the emulated preference at once.
  await page.emulateMedia({ colorScheme: "dark" });
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.waitForTimeout(400); // let colour transitions finish
  await page.screenshot({ path: "test-results/screenshots/prompt-page-dark.png" });

  // Logs: the playground's draft run and the SDK's calls, each with its version.
  type LogRow = { prompt_version: number | null; is_draft: boolean };
  const logged = async () => {
    const rows = (await (await request.get(`/v1/logs?prompt=${promptId}`, { headers })).json()).data as LogRow[];
    return ["Draft", "v2", "v3"].filter((badge) => rows.some((r) => (r.is_draft ? "Draft" : `v${r.prompt_version}`) === badge));
  };
  await expect.poll(logged, { timeout: 10_000 }).toEqual(["Draft", "v2", "v3"]);
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/logs");
  await page.getByLabel("Prompt").selectOption(promptId);
  const logRows = page.getByTestId("log-row");
  for (const badge of ["Draft", "v2", "v3"]) await expect(logRows.filter({ hasText: badge }).first()).toBeVisible();
});

test("compare: a saved version and the draft with another model run side by side", async ({ page, request }) => {
  const key = await mockKey(request, "Compare mock");
  const template = [
    { role: "system", content: "You are brief." },
    { role: "user", content: "Summarise {{topic}}" },
  ];
  const prompt = await apiPrompt(request, { name: `Compare ${stamp()}`, string: JSON.stringify(template), model: "mock-slow-300", virtual_key: key });
  await mock.reset();
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/prompts/${prompt.id}`);
  await typeInto(page, "message-content-1", "Summarise {{topic}} for a child");

  await page.getByTestId("mode-compare").click();
  await expect(page.getByTestId("compare-source-0")).toHaveValue("1");
  await expect(page.getByTestId("compare-source-1")).toHaveValue("draft");
  await page.getByTestId("compare-model-1").fill("mock-slow-250");
  await page.getByTestId("variable-topic").fill("tides");
  await page.getByTestId("compare-run-all").click();

  // Both stream at once: each column is running before either has finished.
  await expect(page.getByTestId("compare-output-0-panel")).toHaveAttribute("data-status", "running");
  await expect(page.getByTestId("compare-output-1-panel")).toHaveAttribute("data-status", "running");
  await expect(page.getByTestId("compare-output-0")).toHaveText("Mock answer to: Summarise tides");
  await expect(page.getByTestId("compare-output-1")).toHaveText("Mock answer to: Summarise tides for a child");
  await expect(page.getByTestId("compare-output-0-panel")).toHaveAttribute("data-status", "done");
  await expect(page.getByTestId("compare-output-1-panel")).toHaveAttribute("data-status", "done");

  const requests = await mock.requests();
  expect(requests.map((r) => r.body.model).sort()).toEqual(["mock-slow-250", "mock-slow-300"]);
  // Run together: the second request reached the provider before the first one finished.
  const started = Math.max(...requests.map((r) => r.receivedAt));
  const firstDone = Math.min(...requests.map((r) => r.finishedAt ?? Infinity));
  expect(started).toBeLessThan(firstDone);
  await page.screenshot({ path: "test-results/screenshots/compare.png" });
});

test("stop cancels a slow stream and the provider sees the request closed", async ({ page, request }) => {
  const key = await mockKey(request, "Stop mock");
  const prompt = await apiPrompt(request, {
    name: `Stop ${stamp()}`,
    string: JSON.stringify([{ role: "user", content: "Write a long essay about {{topic}}" }]),
    model: "mock-slow",
    virtual_key: key,
  });
  await mock.reset();
  await mock.enqueue({ tokens: 200, tokenDelayMs: 200 });
  await page.goto(`/prompts/${prompt.id}`);
  await page.getByTestId("variable-topic").fill("rivers");
  await page.getByTestId("run-button").click();
  await expect(page.getByTestId("run-output")).toContainText("tok2");
  await page.getByTestId("stop-button").click();
  await expect(page.getByTestId("run-output-panel")).toHaveAttribute("data-status", "cancelled");
  await expect(page.getByTestId("run-output-stopped")).toBeVisible();
  await expect(page.getByTestId("stat-finish")).toHaveText("stopped");
  await expect.poll(async () => (await mock.requests())[0]?.closedEarly, { timeout: 10_000 }).toBe(true);
  const [upstream] = await mock.requests();
  expect(upstream.tokensSent).toBeLessThan(200);
  await expect(page.getByTestId("run-button")).toBeVisible();
});

test("the strict variables checkbox saves the prompt's setting at once, without a new version", async ({ page, request }) => {
  const key = await mockKey(request, "Strict mock");
  const prompt = await apiPrompt(request, {
    name: `Strict ${stamp()}`,
    string: JSON.stringify([{ role: "user", content: "Tell me about {{topic}}" }]),
    model: "gpt-4o-mini",
    virtual_key: key,
  });
  await page.goto(`/prompts/${prompt.id}`);
  const box = page.getByTestId("strict-variables");
  await expect(box).not.toBeChecked();
  const saved = page.waitForResponse((r) => r.request().method() === "PUT" && r.url().endsWith(`/v1/prompts/${prompt.id}`));
  await box.check();
  expect((await saved).status()).toBe(200);
  await expect(box).toBeChecked();

  const stored = await request.get(`/v1/prompts/${prompt.id}`, { headers });
  expect(await stored.json()).toMatchObject({ strict_variables: true, prompt_version: 1 });
  const run = await request.post(`/v1/prompts/${prompt.id}/completions`, { headers, data: { variables: {} } });
  expect(run.status()).toBe(400);
  expect(((await run.json()) as { error: { code: string } }).error.code).toBe("missing_variables");
  // Still checked after a reload: it came from the server, not from local state.
  await page.reload();
  await expect(page.getByTestId("strict-variables")).toBeChecked();
});

test("the gateway settings save the prompt's retry and timeout, refuse bad values by field, and apply to API calls", async ({ page, request }) => {
  const key = await mockKey(request, "Gateway mock");
  const prompt = await apiPrompt(request, {
    name: `Gateway ${stamp()}`,
    string: JSON.stringify([{ role: "user", content: "Hello" }]),
    model: "gpt-4o-mini",
    virtual_key: key,
  });
  await page.goto(`/prompts/${prompt.id}`);
  const form = page.getByTestId("gateway-settings");
  const save = form.getByTestId("gateway-settings-save");
  await expect(form.getByTestId("param-retry-attempts")).toBeVisible({ timeout: 30_000 });
  await expect(save).toBeDisabled();

  await form.getByTestId("param-retry-attempts").fill("2");
  await form.getByTestId("retry-status-codes").fill("503, oops");
  await form.getByTestId("param-request-timeout").fill("0");
  await expect(form.getByRole("alert")).toHaveCount(2);
  await expect(form.getByRole("alert").first()).toContainText("status codes");
  await expect(save).toBeDisabled();
  await form.screenshot({ path: "test-results/screenshots/gateway-settings-errors.png" });

  await form.getByTestId("retry-status-codes").fill("503");
  await form.getByTestId("param-request-timeout").fill("20000");
  await expect(form.getByRole("alert")).toHaveCount(0);
  const saved = page.waitForResponse((r) => r.request().method() === "PUT" && r.url().endsWith(`/v1/prompts/${prompt.id}`));
  await form.getByTestId("param-request-timeout").press("Enter");
  expect((await saved).status()).toBe(200);
  await expect(save).toBeDisabled();

  const stored = (await (await request.get(`/v1/prompts/${prompt.id}`, { headers })).json()) as { settings: unknown; prompt_version: number };
  expect(stored).toMatchObject({ settings: { retry: { attempts: 2, on_status_codes: [503] }, request_timeout: 20000 }, prompt_version: 1 });
  // The stored retry is what an API call without a config of its own gets.
  await mock.enqueue({ status: 503 });
  const run = await request.post(`/v1/prompts/${prompt.id}/completions`, { headers, data: {} });
  expect(run.status()).toBe(200);
  expect(run.headers()["x-portkey-retry-attempt-count"]).toBe("1");

  // From the server after a reload; cleared fields save as no settings at all.
  await page.reload();
  await expect(form.getByTestId("param-retry-attempts")).toHaveValue("2");
  await expect(form.getByTestId("retry-status-codes")).toHaveValue("503");
  await expect(form.getByTestId("param-request-timeout")).toHaveValue("20000");
  for (const field of ["param-retry-attempts", "retry-status-codes", "param-request-timeout"]) await form.getByTestId(field).fill("");
  const cleared = page.waitForResponse((r) => r.request().method() === "PUT" && r.url().endsWith(`/v1/prompts/${prompt.id}`));
  await save.click();
  expect((await cleared).status()).toBe(200);
  expect(((await (await request.get(`/v1/prompts/${prompt.id}`, { headers })).json()) as { settings: unknown }).settings).toBeNull();
});

test("model settings disable what the key's provider cannot honour, with the reason", async ({ page, request }) => {
  const anthropicKey = await mockKey(request, "Claude mock", "anthropic");
  const openaiKey = await mockKey(request, "OpenAI mock");
  const prompt = await apiPrompt(request, {
    name: `Capabilities ${stamp()}`,
    string: JSON.stringify([{ role: "user", content: "Hello {{name}}" }]),
    model: "claude-sonnet-4-5",
  });
  await page.goto(`/prompts/${prompt.id}`);
  const settings = page.getByTestId("settings-pane");
  // The first prompt page a cold server renders can take longer than one expect's timeout.
  await expect(settings.getByTestId("param-seed")).toBeVisible({ timeout: 30_000 });
  const temperatureSlider = settings.getByTestId("param-temperature-slider");

  // Before any key: nothing is known about the provider, so nothing is limited.
  await expect(settings.getByTestId("param-seed")).toBeEnabled();
  await expect(temperatureSlider).toHaveAttribute("max", "2");

  await page.getByTestId("virtual-key-select").selectOption(anthropicKey);
  // From Anthropic's declared capabilities (GET /v1/providers): no seed, no penalties, temperature 0-1.
  for (const [param, reason] of [
    ["seed", "Anthropic does not support a sampling seed"],
    ["presence_penalty", "Anthropic does not support presence or frequency penalties"],
    ["frequency_penalty", "Anthropic does not support presence or frequency penalties"],
  ]) {
    await expect(settings.getByTestId(`param-${param}`)).toBeDisabled();
    await expect(settings.getByTestId(`param-${param}`)).toHaveAttribute("title", reason);
    await expect(settings.getByTestId(`reason-${param}`)).toContainText(reason);
  }
  await expect(settings.getByTestId("param-presence_penalty-slider")).toBeDisabled();
  await expect(temperatureSlider).toBeEnabled();
  await expect(temperatureSlider).toHaveAttribute("max", "1");
  await expect(settings.getByTestId("reason-temperature")).toContainText("Anthropic accepts temperatures from 0 to 1");
  await settings.getByTestId("param-temperature").fill("1.5");
  await expect(settings.getByRole("alert")).toHaveText("must be at most 1 for Anthropic");
  await settings.getByTestId("param-temperature").fill("0.7");
  await expect(settings.getByRole("alert")).toHaveCount(0);

  // A provider that offers them all: the same controls come back.
  await page.getByTestId("virtual-key-select").selectOption(openaiKey);
  await expect(settings.getByTestId("param-seed")).toBeEnabled();
  await expect(settings.getByTestId("param-presence_penalty")).toBeEnabled();
  await expect(settings.getByTestId("reason-seed")).toHaveCount(0);
  await expect(temperatureSlider).toHaveAttribute("max", "2");
});

test("saved settings the chosen model would refuse are flagged before a run, and dropping them is a prompt setting", async ({ page, request }) => {
  const anthropicKey = await mockKey(request, "Claude flags", "anthropic");
  const prompt = await apiPrompt(request, {
    name: `Model flags ${stamp()}`,
    string: JSON.stringify([{ role: "user", content: "Hello {{name}}" }]),
    model: "claude-opus-4-7",
    virtual_key: anthropicKey,
    parameters: { temperature: 0.3, top_k: 5 },
  });
  await page.goto(`/prompts/${prompt.id}`);
  const settings = page.getByTestId("settings-pane");
  await expect(settings.getByTestId("param-temperature")).toBeVisible({ timeout: 30_000 });
  // The engine's own words, from the model's declaration: temperature is shown on its field, top_k below.
  await expect(settings.getByRole("alert").filter({ hasText: "parameter 'temperature' is not supported by Anthropic model 'claude-opus-4-7'" })).toBeVisible();
  await expect(settings.getByTestId("flag-top_k")).toHaveText("parameter 'top_k' is not supported by Anthropic model 'claude-opus-4-7'");

  // An older model takes both: the flags go as the model changes.
  await settings.getByTestId("model-input").fill("claude-3-7-sonnet-latest");
  await expect(settings.getByTestId("model-parameter-flags")).toHaveCount(0);
  await expect(settings.getByRole("alert")).toHaveCount(0);

  const gateway = page.getByTestId("gateway-settings");
  await gateway.getByTestId("drop-unsupported-params").check();
  await gateway.getByTestId("gateway-settings-save").click();
  await expect.poll(async () => {
    const response = await request.get(`/v1/prompts/${prompt.id}`, { headers });
    return ((await response.json()) as { settings: Record<string, unknown> | null }).settings;
  }).toEqual({ drop_unsupported_params: true });
});
