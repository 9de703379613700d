import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { hostRefusal, parseAllowedHosts, ALLOWED_HOSTS_ENV, type HostCheck } from "./allowed-hosts";
import { API_POLICY } from "./content-security-policy";
import { normaliseForwardedHeaders, parseTrustedProxies, TRUSTED_PROXIES_ENV, type TrustedProxies } from "./client-address";

/**
 * The first thing the production server (scripts/server.mjs) does with every request, before
 * the fast routes or Next see it: believe forwarded headers only from a trusted proxy, refuse
 * a Host outside PROMPTLY_ALLOWED_HOSTS, give JSON routes their strict CSP, and over https
 * mark every cookie Secure and send HSTS. One place for the fast path, the API, the auth routes and the pages alike.
 */

export const HSTS_ENV = "PROMPTLY_HSTS_MAX_AGE";
const DEFAULT_HSTS_MAX_AGE = 31_536_000; // one year

interface GuardConfig {
  trusted: TrustedProxies;
  allowedHost: HostCheck | null;
  hsts: string | null;
}

/** Read once: a bad PROMPTLY_TRUSTED_PROXIES stops the server at start rather than trusting nobody silently. */
export function guardConfig(env: Record<string, string | undefined> = process.env): GuardConfig {
  const maxAge = env[HSTS_ENV] === undefined || env[HSTS_ENV] === "" ? DEFAULT_HSTS_MAX_AGE : Number(env[HSTS_ENV]);
  if (!Number.isInteger(maxAge) || maxAge < 0) throw new Error(`${HSTS_ENV}: expected whole seconds (0 turns HSTS off), got '${env[HSTS_ENV]}'`);
  return {
    trusted: parseTrustedProxies(env[TRUSTED_PROXIES_ENV]),
    allowedHost: parseAllowedHosts(env[ALLOWED_HOSTS_ENV]),
    hsts: maxAge > 0 ? `max-age=${maxAge}` : null,
  };
}

// Read when the server loads this module, so that a bad value stops it at start.
let config: GuardConfig | null = guardConfig();

/** True when the request was answered here (a refused Host): the caller stops. */
export function guardRequest(req: IncomingMessage, res: ServerResponse): boolean {
  config ??= guardConfig();
  const client = normaliseForwardedHeaders(req, config.trusted);
  if (config.allowedHost) {
    const forwardedHost = req.headers["x-forwarded-host"];
    const hosts = [req.headers.host, ...(typeof forwardedHost === "string" ? forwardedHost.split(",").map((h) => h.trim()) : [])];
    const refused = hosts.find((host) => !config!.allowedHost!(host));
    if (refused !== undefined || !req.headers.host) {
      const { status, body } = hostRefusal(refused ?? req.headers.host);
      const text = JSON.stringify(body);
      res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), connection: "close" });
      res.end(text);
      req.resume();
      return true;
    }
  }
  // JSON answers run nothing: a policy that allows nothing. Pages get theirs from proxy.ts.
  const url = req.url ?? "/";
  if (url.startsWith("/v1/") || url.startsWith("/api/")) res.setHeader("content-security-policy", API_POLICY);
  if (client.https) {
    if (config.hsts) res.setHeader("strict-transport-security", config.hsts);
    secureCookies(res);
  }
  return false;
}

/** For tests: read the environment again. */
export function resetGuardConfig(): void {
  config = null;
}

/** Over https every cookie gets `Secure`, whoever sets it (better-auth, Next): patched on this response only. */
function secureCookies(res: ServerResponse): void {
  const setHeader = res.setHeader.bind(res);
  res.setHeader = (name, value) => setHeader(name, isSetCookie(name) ? withSecure(value) : value);
  const appendHeader = res.appendHeader?.bind(res);
  if (appendHeader) res.appendHeader = (name, value) => appendHeader(name, isSetCookie(name) ? (withSecure(value) as string | string[]) : value);
  const writeHead = res.writeHead.bind(res) as (status: number, ...rest: unknown[]) => ServerResponse;
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    const headers = rest[rest.length - 1];
    if (headers && typeof headers === "object") {
      if (Array.isArray(headers)) {
        for (let i = 0; i + 1 < headers.length; i += 2) if (isSetCookie(String(headers[i]))) headers[i + 1] = withSecure(headers[i + 1]);
      } else {
        for (const name of Object.keys(headers)) if (isSetCookie(name)) (headers as OutgoingHttpHeaders)[name] = withSecure((headers as OutgoingHttpHeaders)[name]!) as string | string[];
      }
    }
    return writeHead(status, ...rest);
  }) as ServerResponse["writeHead"];
}

const isSetCookie = (name: string) => name.toLowerCase() === "set-cookie";

export function withSecure<T>(value: T): T {
  if (typeof value === "string") return (/;\s*secure\s*(;|$)/i.test(value) ? value : `${value}; Secure`) as T;
  if (Array.isArray(value)) return value.map((line) => withSecure(line)) as T;
  return value;
}
