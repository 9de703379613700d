/**
 * Content-Security-Policy, in one place. Pages get a fresh nonce per request (proxy.ts sets
 * it, Next puts it on its own inline scripts, the root layout on the theme script): no
 * 'unsafe-inline' for scripts, and 'strict-dynamic' lets those scripts load the app's chunks
 * (CodeMirror's included). Styles keep 'unsafe-inline': React style attributes and CodeMirror's
 * injected style elements need it, and styles can't run code. Dev mode needs eval and the
 * hot-reload socket. JSON answers (/v1, /api) get a policy that allows nothing at all.
 */
export function pagePolicy(nonce: string, dev = process.env.NODE_ENV !== "production"): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export const API_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** 128 random bits, base64: a new one for every page request. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export const NONCE_HEADER = "x-nonce";
