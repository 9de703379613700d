import { forbidden, unauthorized } from "@/lib/core/http/errors";
import type { ApiKeyScope } from "./api-keys";
import type { Caller, Role } from "./caller";

/**
 * The one permission table. Every /v1 route declares the action it needs (lib/routes/handler.ts)
 * and pages ask the same table, so the UI can only hide what the server already refuses.
 * Free of server imports (types only): client components read `roleCan` too.
 *
 *   run       completions, render, providers (the playground)
 *   read      prompts, partials, collections, labels, logs, virtual keys (masked, never secrets)
 *   write     create/change/delete prompts, partials, collections, labels
 *   publish   move a protected label directly (others open a release request): the owner,
 *             admin keys, and members the owner made publishers
 *   settings  virtual keys (writes), API keys, label protection
 *   members   users, roles and invitations: the owner, signed in (never an API key)
 */
export type Action = "run" | "read" | "write" | "publish" | "settings" | "members";

export const ROLES = ["owner", "editor", "viewer"] as const satisfies readonly Role[];

const ROLE_ACTIONS: Record<Role, readonly Action[]> = {
  owner: ["run", "read", "write", "publish", "settings", "members"],
  editor: ["run", "read", "write"],
  viewer: ["run", "read"],
};

// A key acts for code, not a person: admin is the whole admin API, but managing people
// stays with a signed-in owner so that a leaked key can't mint accounts.
const SCOPE_ACTIONS: Record<ApiKeyScope, readonly Action[]> = {
  admin: ["run", "read", "write", "publish", "settings"],
  // What an editor member may do, for automation such as prompts as code (CI pushes): a
  // protected label it moves becomes a release request.
  editor: ["run", "read", "write"],
  completions: ["run"],
};

export function roleCan(role: Role, action: Action): boolean {
  return ROLE_ACTIONS[role]?.includes(action) ?? false;
}

/** A member's rights: their role's, plus publishing for an editor the owner made a publisher. */
export function memberCan(role: Role, publisher: boolean, action: Action): boolean {
  return roleCan(role, action) || (action === "publish" && publisher && roleCan(role, "write"));
}

export function can(caller: Caller | null, action: Action): boolean {
  if (!caller) return false;
  if (caller.kind === "session") return memberCan(caller.role, caller.publisher === true, action);
  return SCOPE_ACTIONS[caller.scope]?.includes(action) ?? false;
}

/** Throws the 401/403 (error envelope) when the caller may not do `action`. */
export function assertCan(caller: Caller | null, action: Action): asserts caller is Caller {
  if (!caller) throw unauthorized();
  if (can(caller, action)) return;
  throw forbidden(refusal(caller, action));
}

function refusal(caller: Caller, action: Action): string {
  if (caller.kind === "api_key") {
    if (action === "members") return "Members and invitations are managed by the owner, signed in: API keys can't";
    if (caller.scope === "editor") return "This API key may read and change prompts, not manage settings";
    return "This API key may only run completions";
  }
  if (action === "members") return "Only the owner manages members and invitations";
  if (action === "publish") return "This label is protected: only the owner and publishers move it directly; open a release request instead";
  if (action === "settings") return "Only the owner manages virtual keys and API keys";
  return `A ${caller.role} can read and run prompts, not change them`;
}
