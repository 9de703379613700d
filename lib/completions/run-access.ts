import type { Caller } from "@/lib/auth/caller";
import { ApiError } from "@/lib/core/http/errors";

/**
 * What a caller may run. People signed in and admin keys run anything they can address
 * (the playground runs drafts); a run-only key (scope `completions`) is code in production:
 * it runs released versions of saved prompts with their own virtual keys, unless it was
 * created with `allow_drafts` (drafts and any saved version) or a `virtual_keys` list.
 * A null caller is the engine called from inside the server (tests, tools): unrestricted.
 */
export interface RunAccess {
  /** Draft fields (`template`, `template_type`) and versions neither published nor labelled. */
  drafts: boolean;
  /** Null: any virtual key; else the ids allowed besides the addressed version's own. */
  extraVirtualKeys: readonly string[] | null;
}

const UNRESTRICTED: RunAccess = { drafts: true, extraVirtualKeys: null };

export function runAccessOf(caller: Caller | null): RunAccess {
  if (!caller || caller.kind === "session" || caller.scope !== "completions") return UNRESTRICTED;
  return { drafts: caller.allowDrafts === true, extraVirtualKeys: caller.virtualKeyIds ?? [] };
}

const refused = (message: string, param: string | null = null) => new ApiError(403, message, "permission_error", "forbidden", param);

const DRAFT_HINT = "create the key with allow_drafts to let it run drafts and unreleased versions";

export function assertMayRunDraft(access: RunAccess, request: { template?: unknown; template_type?: unknown }): void {
  if (access.drafts) return;
  if (request.template === undefined && request.template_type === undefined) return;
  const field = request.template !== undefined ? "template" : "template_type";
  throw refused(`This API key runs saved prompts only: \`${field}\` (a draft) is refused; ${DRAFT_HINT}`, field);
}

/** A released version: the published one, one a label points to, or one older than the published. */
export function assertMayRunVersion(access: RunAccess, version: { number: number; released: boolean }, promptSlug: string): void {
  if (access.drafts || version.released) return;
  throw refused(`Version ${version.number} of prompt '${promptSlug}' is neither published nor labelled: this API key runs released versions only; ${DRAFT_HINT}`);
}

/** `keyId` is the virtual key the call would use, or null when the named one does not exist. */
export function assertMayUseVirtualKey(access: RunAccess, keyId: string | null, ownKeyId: string | null, ref: string): void {
  if (access.extraVirtualKeys === null) return;
  if (keyId !== null && (keyId === ownKeyId || access.extraVirtualKeys.includes(keyId))) return;
  // The same answer whether or not `ref` exists: a run-only key learns nothing about other keys.
  throw refused(`This API key may not use virtual key '${ref}': only its prompts' own virtual keys, or those listed in the key's virtual_keys`, "virtual_key");
}
