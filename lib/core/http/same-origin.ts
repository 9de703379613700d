import type { ApiRequest } from "./api-request";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cross-site request protection for cookie-authenticated calls: a state-changing request
 * must come from this origin. Browsers always send `Origin` (and `Sec-Fetch-Site`) on
 * cross-site POST/PUT/DELETE, so a request carrying neither is not a browser's cross-site
 * request. API-key callers are not concerned: a foreign site can't make a browser send a key.
 */
export function isCrossSiteWrite(request: Pick<ApiRequest, "method" | "headers">): boolean {
  if (SAFE_METHODS.has(request.method)) return false;
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return true;
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
