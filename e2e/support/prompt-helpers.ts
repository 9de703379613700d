import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { E2E } from "./env";

// Small steps the browser specs share: a virtual key on the mock, a prompt made through the
// API, and typing into a CodeMirror editor.
const headers = { "x-portkey-api-key": E2E.apiKey };

/** A virtual key whose provider is the mock; answers its slug. */
export async function mockKey(request: APIRequestContext, name: string, provider = "openai"): Promise<string> {
  const response = await request.post("/v1/virtual-keys", {
    headers,
    data: { name: `${name} ${Date.now().toString(36)}`, provider, key: "sk-mock", custom_host: `${E2E.mockUrl}/v1` },
  });
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { slug: string }).slug;
}

export async function apiPrompt(request: APIRequestContext, body: Record<string, unknown>) {
  const response = await request.post("/v1/prompts", { headers, data: body });
  expect(response.ok(), await response.text()).toBe(true);
  return (await response.json()) as { id: string; slug: string };
}

/** Types into a CodeMirror editor found by its test id, replacing what is there. */
export async function typeInto(page: Page, testId: string, text: string) {
  await page.getByTestId(testId).locator(".cm-content").click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type(text);
}
