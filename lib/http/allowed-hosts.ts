/**
 * PROMPTLY_ALLOWED_HOSTS (comma list, optional): the Host names this server answers to.
 * `example.com` matches that name on any port, `example.com:8443` that port only,
 * `*.example.com` any subdomain. Unset: every Host is served (the default for a local install).
 * Pure: the production server (scripts/server.mjs) and proxy.ts (next dev) both ask it.
 */
export const ALLOWED_HOSTS_ENV = "PROMPTLY_ALLOWED_HOSTS";

export type HostCheck = (host: string | undefined | null) => boolean;

export function parseAllowedHosts(value: string | undefined): HostCheck | null {
  const entries = (value ?? "")
    .split(",")
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean);
  if (entries.length === 0) return null;
  return (host) => {
    if (!host) return false;
    const wanted = host.trim().toLowerCase();
    const name = hostname(wanted);
    return entries.some((entry) => {
      const wildcard = entry.startsWith("*.");
      const pattern = wildcard ? entry.slice(1) : entry; // ".example.com"
      const withPort = hasPort(pattern);
      const candidate = withPort ? wanted : name;
      return wildcard ? candidate.endsWith(pattern) && candidate.length > pattern.length : candidate === pattern;
    });
  };
}

/** The host without its port; `[::1]:3000` is `[::1]`. */
function hostname(host: string): string {
  if (host.startsWith("[")) return host.slice(0, host.indexOf("]") + 1);
  const colon = host.lastIndexOf(":");
  return colon === -1 ? host : host.slice(0, colon);
}

function hasPort(entry: string): boolean {
  return entry.startsWith("[") ? entry.includes("]:") : entry.includes(":");
}

/** The refusal's wording, one place for the server and proxy.ts. */
export function hostRefusal(host: string | undefined | null) {
  const message = `Host '${String(host ?? "").slice(0, 200)}' is not served here: add it to ${ALLOWED_HOSTS_ENV} to allow it`;
  return {
    status: 400,
    body: { status: "failure", message, error: { message, type: "invalid_request_error", param: null, code: "host_not_allowed" } },
  };
}
