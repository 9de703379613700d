import { isIP } from "node:net";

export const ALLOWED_PROVIDER_HOSTS_ENV = "PROMPTLY_ALLOWED_PROVIDER_HOSTS";

/**
 * Host lists as operators write them in the environment: the provider allowlist
 * (PROMPTLY_ALLOWED_PROVIDER_HOSTS) and the Host headers served (PROMPTLY_ALLOWED_HOSTS)
 * share one grammar and one matcher.
 */

/** One entry of the allowlist: a name, `*.suffix`, or an IP; any port when port is null. */
export interface AllowedHost {
  host: string;
  wildcard: boolean;
  port: number | null;
}

/**
 * Parses `host`, `host:port`, `*.example.com[:port]`, `10.0.0.5[:port]`, `[::1][:port]`,
 * comma- or space-separated. Unreadable entries are ignored rather than failing start-up:
 * an entry that is ignored only allows less.
 */
export function parseAllowedHosts(text: string | undefined): AllowedHost[] {
  const entries: AllowedHost[] = [];
  for (const raw of (text ?? "").split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    const parsed = parseEntry(entry);
    if (parsed) entries.push(parsed);
  }
  return entries;
}

function parseEntry(entry: string): AllowedHost | null {
  let host = entry;
  let port: number | null = null;
  const bracketed = entry.match(/^\[([^\]]+)\](?::(\d+))?$/);
  if (bracketed) {
    host = bracketed[1];
    port = bracketed[2] ? Number(bracketed[2]) : null;
  } else if (isIP(entry) !== 6) {
    const colon = entry.lastIndexOf(":");
    if (colon !== -1) {
      host = entry.slice(0, colon);
      port = Number(entry.slice(colon + 1));
      if (!Number.isInteger(port) || port < 1 || port > 65_535) return null;
    }
  }
  const wildcard = host.startsWith("*.");
  if (wildcard) host = host.slice(2);
  host = host.replace(/\.$/, "");
  if (!host) return null;
  if (isIP(host) === 6) {
    host = new URL(`http://[${host}]`).hostname.slice(1, -1);
  } else if (!wildcard) {
    // Normalised as a URL would (IDN to punycode, numeric IPv4 spellings to dotted form).
    try {
      host = new URL(`http://${host}`).hostname;
    } catch {
      return null;
    }
  }
  return { host, wildcard, port };
}

/**
 * Whether `host` (a URL's hostname, or an address it resolved to) on `port` is allowed.
 * A null port (a Host header without one) matches only entries that name no port.
 */
export function isAllowedHost(entries: readonly AllowedHost[], host: string, port: number | null): boolean {
  const name = normalise(host);
  for (const entry of entries) {
    if (entry.port !== null && entry.port !== port) continue;
    if (entry.wildcard ? name.endsWith(`.${entry.host}`) : name === entry.host) return true;
  }
  return false;
}

/** Bracket-free, lowercase, without a trailing dot. */
export function normalise(host: string): string {
  const bare = host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
  return bare.toLowerCase().replace(/\.$/, "");
}

let parsedFrom: string | undefined;
let parsed: AllowedHost[] = [];

/** The allowlist from the environment, parsed again only when the variable changed. */
export function allowedHosts(): readonly AllowedHost[] {
  const raw = process.env[ALLOWED_PROVIDER_HOSTS_ENV];
  if (raw !== parsedFrom) {
    parsedFrom = raw;
    parsed = parseAllowedHosts(raw);
  }
  return parsed;
}

/** The variable's raw value: a cache of policy answers is valid while this is unchanged. */
export function allowedHostsSource(): string | undefined {
  return process.env[ALLOWED_PROVIDER_HOSTS_ENV];
}
