/**
 * PROMPTLY_ALLOWED_HOSTS (comma list, optional): the Host names this server answers to.
 * `example.com` matches that name on any port, `example.com:8443` that port only,
 * `*.example.com` any subdomain. Unset: every Host is served (the default for a local install).
 * Pure: the production server (scripts/server.mjs) and proxy.ts (next dev) both ask it.
 */
import { isAllowedHost, parseAllowedHosts as parseHostList } from "@/lib/core/net/allowed-hosts";

export const ALLOWED_HOSTS_ENV = "PROMPTLY_ALLOWED_HOSTS";

export type HostCheck = (host: string | undefined | null) => boolean;

/** Null when unset: every Host is served. The grammar is the provider allowlist's. */
export function parseAllowedHosts(value: string | undefined): HostCheck | null {
  const entries = parseHostList(value);
  if (entries.length === 0) return null;
  return (host) => {
    if (!host) return false;
    const { name, port } = splitHostHeader(host.trim());
    return isAllowedHost(entries, name, port);
  };
}

/** `example.com:8443` → name and port; `[::1]:3000` → `[::1]` and 3000; no port → null. */
function splitHostHeader(host: string): { name: string; port: number | null } {
  const close = host.startsWith("[") ? host.indexOf("]") : -1;
  const colon = host.lastIndexOf(":");
  // No port: none at all, inside an IPv6 literal, or a bare IPv6 address (several colons).
  if (colon === -1 || colon < close || (close === -1 && host.indexOf(":") !== colon)) return { name: host, port: null };
  const port = Number(host.slice(colon + 1));
  return { name: host.slice(0, colon), port: Number.isInteger(port) ? port : -1 };
}

/** The refusal's wording, one place for the server and proxy.ts. */
export function hostRefusal(host: string | undefined | null) {
  const message = `Host '${String(host ?? "").slice(0, 200)}' is not served here: add it to ${ALLOWED_HOSTS_ENV} to allow it`;
  return {
    status: 400,
    body: { status: "failure", message, error: { message, type: "invalid_request_error", param: null, code: "host_not_allowed" } },
  };
}
