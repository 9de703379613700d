import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";

/**
 * Accounts for API tests, on a server of their own (own-server.ts): signing up the owner of
 * the shared server would take the fresh install away from the browser suite's setup test.
 * Each account is a request context holding its session cookie.
 */
export async function signUp(
  baseUrl: string,
  account: { name: string; email: string; password: string },
  inviteToken?: string,
): Promise<{ status: number; body: Record<string, unknown>; context: APIRequestContext }> {
  const context = await playwrightRequest.newContext({ baseURL: baseUrl });
  const headers: Record<string, string> = { origin: baseUrl };
  if (inviteToken) headers["x-promptly-invite"] = inviteToken;
  for (let attempt = 0; ; attempt++) {
    const response = await context.post("/api/auth/sign-up/email", { data: account, headers });
    // better-auth allows 3 sign-ups per 10 s from one address: wait as it asks, then retry.
    const wait = Number(response.headers()["x-retry-after"] ?? 0);
    if (response.status() === 429 && attempt < 3 && wait <= 15) {
      await new Promise((resolve) => setTimeout(resolve, wait * 1000 + 250));
      continue;
    }
    return { status: response.status(), body: (await response.json().catch(() => ({}))) as Record<string, unknown>, context };
  }
}

/** An invitation made by the owner's session: its token (from the link) and id. */
export async function invite(owner: APIRequestContext, body: { role: "editor" | "viewer"; email?: string; expires_in_seconds?: number }) {
  const response = await owner.post("/v1/invites", { data: body });
  if (!response.ok()) throw new Error(`invite: ${response.status()} ${await response.text()}`);
  const created = (await response.json()) as { id: string; url: string; token: string };
  return { ...created, token: created.url.split("/invite/")[1] };
}

/** Signs up through an invitation; throws unless it worked. */
export async function acceptInvite(baseUrl: string, token: string, email: string): Promise<APIRequestContext> {
  const { status, body, context } = await signUp(baseUrl, { name: email.split("@")[0], email, password: "invited-password-123" }, token);
  if (status !== 200) throw new Error(`sign-up with invite: ${status} ${JSON.stringify(body)}`);
  return context;
}
