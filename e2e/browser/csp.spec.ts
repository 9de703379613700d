import { expect, test, type Page } from "@playwright/test";
import { E2E } from "../support/env";

// Scripts run under a per-request nonce, without 'unsafe-inline': every main page loads,
// hydrates and works with no CSP violation (Next's inline scripts, the theme script and the
// lazily loaded editor all carry or inherit the nonce).

const headers = { "x-portkey-api-key": E2E.apiKey };

/** Records CSP violations and console errors of a page from its very first script on. */
async function watch(page: Page) {
  const problems: string[] = [];
  await page.addInitScript(() => {
    (window as unknown as { __cspViolations: string[] }).__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { __cspViolations: string[] }).__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  page.on("console", (message) => {
    if (message.type() === "error" && /Content.Security.Policy|CSP/i.test(message.text())) problems.push(message.text());
  });
  return async () => [...problems, ...(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations))];
}

function scriptSrc(policy: string | undefined): string {
  return (policy ?? "").split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src")) ?? "";
}

test("pages run under a nonce-based CSP with no violation", async ({ page, request }) => {
  const created = await request.post("/v1/prompts", { headers, data: { name: `CSP ${Date.now().toString(36)}`, string: JSON.stringify([{ role: "user", content: "Hi {{name}}" }]) } });
  expect(created.ok(), await created.text()).toBe(true);
  const prompt = (await created.json()) as { id: string };
  const problems = await watch(page);
  const nonces = new Set<string>();
  for (const path of ["/prompts", `/prompts/${prompt.id}`, "/logs", "/settings"]) {
    const response = await page.goto(path);
    const policy = response?.headers()["content-security-policy"];
    const scripts = scriptSrc(policy);
    expect(scripts, path).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
    expect(scripts, path).not.toContain("unsafe-inline");
    nonces.add(/'nonce-([^']+)'/.exec(scripts)![1]);
    await page.waitForLoadState("networkidle");
    expect(await problems(), path).toEqual([]);
  }
  expect(nonces.size).toBe(4); // a fresh nonce per request

  // Hydrated and working: the editor (loaded on demand) and a client-side navigation.
  await page.goto(`/prompts/${prompt.id}`);
  await expect(page.getByTestId("message-content-0").locator(".cm-content")).toBeVisible();
  await page.getByRole("link", { name: "Logs" }).first().click();
  await expect(page).toHaveURL(/\/logs/);
  await page.waitForLoadState("networkidle");
  expect(await problems()).toEqual([]);
});

test("the sign-in page works under the CSP too, and JSON answers carry a policy that allows nothing", async ({ browser, request }) => {
  const context = await browser.newContext({ baseURL: E2E.baseUrl, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  const problems = await watch(page);
  const response = await page.goto("/sign-in");
  expect(scriptSrc(response?.headers()["content-security-policy"])).not.toContain("unsafe-inline");
  await page.getByLabel("Email").fill("nobody@promptly.test");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: /sign in/i }).click();
  // The form's own alert (Next's route announcer is an empty role="alert" too).
  await expect(page.getByTestId("error")).toContainText(/wrong email or password/i);
  expect(await problems()).toEqual([]);
  await context.close();

  for (const path of ["/v1/prompts", "/api/health"]) {
    const answer = await request.get(path, { headers });
    expect(answer.headers()["content-security-policy"], path).toBe("default-src 'none'; frame-ancestors 'none'");
  }
});
