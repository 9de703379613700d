import { checkInvite } from "@/lib/invites/invites";
import { INVITE_TOKEN_HEADER } from "@/lib/invites/header";
import { needsSetup } from "./setup";
import { beginSignInAttempt, LOCKOUT_MINUTES, MAX_FAILURES, signInSucceeded } from "./sign-in-lockout";

/**
 * What Promptly adds around better-auth's own handler (app/api/auth/[...all]/route.ts):
 * - sign-in: the per-account lockout (lib/auth/sign-in-lockout.ts), checked before any
 *   password work, so a locked email answers the same whether or not it has an account;
 * - sign-up: once the owner exists, the invitation is checked before better-auth looks the
 *   email up, so without a valid invitation nobody learns whether an email has an account.
 * Answers keep better-auth's shape (`{code, message}`), which its client and our forms read.
 */
export async function handleAuthRequest(request: Request, next: (request: Request) => Promise<Response>): Promise<Response> {
  const path = new URL(request.url).pathname;
  if (request.method === "POST" && path.endsWith("/sign-in/email")) return withRetryAfter(await signIn(request, next));
  if (request.method === "POST" && path.endsWith("/sign-up/email")) return withRetryAfter(await signUp(request, next));
  return withRetryAfter(await next(request));
}

/** better-auth's per-address limit says when to retry in X-Retry-After only: add the standard header. */
function withRetryAfter(response: Response): Response {
  const seconds = response.headers.get("x-retry-after");
  if (response.status !== 429 || !seconds || response.headers.has("retry-after")) return response;
  const headers = new Headers(response.headers);
  headers.set("retry-after", seconds);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

async function signIn(request: Request, next: (request: Request) => Promise<Response>): Promise<Response> {
  const email = await emailOf(request);
  if (email === null) return next(request); // better-auth answers the malformed body
  const decision = await beginSignInAttempt(email);
  if (!decision.allowed) {
    const seconds = String(decision.retryAfterSeconds);
    return authError(429, "TOO_MANY_ATTEMPTS", `Too many failed sign-in attempts for this account (${MAX_FAILURES.env}, ${LOCKOUT_MINUTES.env}): try again later`, { "retry-after": seconds, "x-retry-after": seconds });
  }
  const response = await next(request);
  if (response.status === 200) await signInSucceeded(email);
  return response;
}

async function signUp(request: Request, next: (request: Request) => Promise<Response>): Promise<Response> {
  // A fresh install: the owner's sign-up (the create hook makes exactly one owner).
  if (await needsSetup()) return next(request);
  const token = request.headers.get(INVITE_TOKEN_HEADER);
  if (!token) return authError(403, "FORBIDDEN", "Sign-up is closed: ask the owner for an invitation");
  const invite = await checkInvite(token);
  if (!invite.ok) return authError(403, "FORBIDDEN", invite.message);
  const email = await emailOf(request);
  if (invite.invite.email && email !== null && invite.invite.email !== email) {
    return authError(403, "INVITE_WRONG_EMAIL", "This invitation is for another email address");
  }
  const response = await next(request);
  // Only someone holding a valid invitation gets this far; still, no "already exists".
  if (response.status === 422 && /ALREADY_EXISTS/.test(await response.clone().text())) {
    return authError(403, "FORBIDDEN", "This invitation can't create an account for that email address");
  }
  return response;
}

/** The body's email, trimmed and lower-cased as better-auth stores it; null when there is none. */
async function emailOf(request: Request): Promise<string | null> {
  try {
    const body = (await request.clone().json()) as { email?: unknown };
    return typeof body?.email === "string" && body.email.trim() ? body.email.trim().toLowerCase() : null;
  } catch {
    return null;
  }
}

function authError(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ code, message }), { status, headers: { "content-type": "application/json", ...headers } });
}
