import { toHeaders, type RequestHeaders } from "@/lib/core/http/api-request";
import { auth } from "./auth";
import { findActiveApiKey, type ApiKeyScope, type NewKeyOwner } from "./api-keys";

export type Role = "owner" | "editor" | "viewer";

export type Caller =
  | {
      kind: "api_key";
      apiKeyId: string;
      scope: ApiKeyScope;
      userId: string | null;
      rateLimitPerMinute: number | null;
      /** Scope completions: may run drafts and unreleased versions (lib/completions/run-access.ts). */
      allowDrafts?: boolean;
      /** Scope completions: virtual key ids it may name besides its prompts' own. */
      virtualKeyIds?: readonly string[];
    }
  | { kind: "session"; userId: string; email: string; role: Role; /** May move protected labels (an editor the owner trusts). */ publisher?: boolean };

/** The API key a request carries: `x-portkey-api-key`, or `Authorization: Bearer KEY`. */
export function apiKeyFrom(headers: Pick<RequestHeaders, "get">): string | null {
  const direct = headers.get("x-portkey-api-key");
  if (direct) return direct.trim();
  const authorization = headers.get("authorization");
  const match = authorization?.match(/^Bearer\s+(.+)$/i);
  return match ? match[1].trim() : null;
}

const SESSION_COOKIE = "better-auth.session_token";

/**
 * Who is calling: an API key (external callers) or the session cookie (the UI and the
 * playground). Null when neither is valid. The one answer every route and page uses.
 */
export async function getCaller(headers: RequestHeaders): Promise<Caller | null> {
  const key = apiKeyFrom(headers);
  if (key) {
    const record = await findActiveApiKey(key);
    if (!record) return null;
    return {
      kind: "api_key",
      apiKeyId: record.id,
      scope: record.scope,
      userId: record.userId,
      rateLimitPerMinute: record.rateLimitPerMinute ?? null,
      allowDrafts: record.allowDrafts,
      virtualKeyIds: record.virtualKeyIds,
    };
  }
  // Skip the session lookup entirely when no session cookie was sent.
  if (!headers.get("cookie")?.includes(SESSION_COOKIE)) return null;
  // The fast routes hand over a light stand-in (server/fast-routes.ts); better-auth wants the real thing.
  const session = await auth.api.getSession({ headers: toHeaders(headers) });
  if (!session) return null;
  const role = (session.user as { role?: string }).role;
  return {
    kind: "session",
    userId: session.user.id,
    email: session.user.email,
    // Anything unexpected gets the least rights, never the most.
    role: role === "owner" || role === "editor" ? role : "viewer",
    publisher: (session.user as { publisher?: boolean }).publisher === true,
  };
}

/** The member and the API key behind a caller, as rows that record who did something store them. */
export function callerIds(caller: Caller | null): { userId: string | null; apiKeyId: string | null } {
  if (caller?.kind === "session") return { userId: caller.userId, apiKeyId: null };
  if (caller?.kind === "api_key") return { userId: caller.userId ?? null, apiKeyId: caller.apiKeyId };
  return { userId: null, apiKeyId: null };
}

/** Who owns an API key this caller makes (see NewKeyOwner in lib/auth/api-keys.ts). */
export function newKeyOwner(caller: Caller | null): NewKeyOwner {
  const { userId, apiKeyId } = callerIds(caller);
  return { userId, createdByKeyId: apiKeyId };
}
