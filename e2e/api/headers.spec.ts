import { expect, test } from "@playwright/test";
import { E2E } from "../support/env";

// Security headers on every kind of answer the server gives. Pages and admin routes
// get them from next.config.js through Next; the fast routes (server/fast-routes.ts) and the
// custom server's own answers bypass Next, so each copies them and each is checked here.
const admin = { "x-portkey-api-key": E2E.apiKey, "content-type": "application/json" };

function expectSecurityHeaders(response: Response, what: string) {
  const csp = response.headers.get("content-security-policy") ?? "";
  expect(csp, `${what}: content-security-policy`).toMatch(/(^|;)\s*frame-ancestors 'none'\s*(;|$)/);
  // Pages: their own origin, scripts by nonce; JSON answers: nothing at all.
  expect(csp, `${what}: content-security-policy`).toMatch(/(^|;)\s*default-src '(self|none)'/);
  expect(csp, `${what}: no eval in production`).not.toContain("unsafe-eval");
  expect(csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "", `${what}: no inline scripts but by nonce`).not.toContain("unsafe-inline");
  expect(response.headers.get("x-content-type-options"), `${what}: x-content-type-options`).toBe("nosniff");
  expect(response.headers.get("referrer-policy"), `${what}: referrer-policy`).toBeTruthy();
  expect(response.headers.get("x-frame-options"), `${what}: x-frame-options`).toBe("DENY");
}

test("pages, admin routes and the fast path all carry the security headers, errors included", async () => {
  const cases: [what: string, url: string, init: RequestInit, status: number | null][] = [
    // Whatever / redirects to (setup or sign-in) on this install: both hops are checked.
    ["GET / (not followed)", "/", { redirect: "manual" }, null],
    ["GET / (followed)", "/", {}, 200],
    ["GET /sign-in", "/sign-in", {}, 200],
    ["GET /v1/prompts (admin, Next)", "/v1/prompts", { headers: admin }, 200],
    ["GET /v1/prompts without a key", "/v1/prompts", {}, 401],
    ["POST completions, unknown prompt (fast path)", "/v1/prompts/no-such-prompt/completions", { method: "POST", headers: admin, body: JSON.stringify({ variables: {} }) }, 404],
    ["POST completions without a key (fast path)", "/v1/prompts/no-such-prompt/completions", { method: "POST", body: "{}" }, 401],
    ["POST render, malformed body (fast path)", "/v1/prompts/no-such-prompt/render", { method: "POST", headers: admin, body: "{not json" }, 400],
    ["POST completions, malformed path (custom server)", "/v1/prompts/%E0%A4%A/completions", { method: "POST", headers: admin, body: "{}" }, 400],
  ];
  for (const [what, url, init, status] of cases) {
    const response = await fetch(`${E2E.baseUrl}${url}`, init);
    if (status !== null) expect(response.status, what).toBe(status);
    expectSecurityHeaders(response, what);
    await response.body?.cancel();
  }
});
