/**
 * Where sign-in sends the user afterwards: the page they asked for, carried through the
 * sign-in page as `?next=`. Only a path on this site is accepted (never another origin, a
 * protocol-relative `//host`, or a backslash some browsers read as a slash), so the parameter
 * cannot be used as an open redirect. Browser-safe: the sign-in form reads it too.
 */

/** Set by proxy.ts on page requests: the path and query the browser asked for. */
export const REQUEST_PATH_HEADER = "x-promptly-path";
export const AFTER_SIGN_IN = "/prompts";
const MAX_LENGTH = 2048;
const BASE = "http://promptly.invalid";

/** `value` as a same-origin path (with its query and fragment), or null when it is not one. */
export function safeNextPath(value: string | null | undefined): string | null {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_LENGTH) return null;
  if (!value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return null;
  // Tabs and newlines are dropped by URL parsers: "/\t/evil.example" would become "//evil.example".
  if (/[\u0000-\u001f\u007f]/.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Back to the sign-in page itself would be a loop.
  if (url.pathname === "/sign-in") return null;
  return path;
}

/** The sign-in page, remembering `path` when it is worth coming back to. */
export function signInHref(path: string | null | undefined): string {
  const next = safeNextPath(path);
  return next && next !== "/" && next !== AFTER_SIGN_IN ? `/sign-in?next=${encodeURIComponent(next)}` : "/sign-in";
}
