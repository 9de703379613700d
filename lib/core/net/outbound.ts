import dns from "node:dns";
import { isIP, type LookupFunction } from "node:net";
import { classifyAddress } from "./address-policy";
import { ALLOWED_PROVIDER_HOSTS_ENV, allowedHosts, isAllowedHost, normalise } from "./allowed-hosts";

/**
 * The outbound policy for provider URLs: a provider call may reach the public internet, and
 * a non-public address (loopback, private, link-local, metadata...) only when the operator
 * lists it in PROMPTLY_ALLOWED_PROVIDER_HOSTS. Checked when a URL is saved (a clear 400 at
 * once) and again on every new connection, against the very addresses the socket then
 * connects to, so a name that resolves differently later (DNS rebinding) gains nothing.
 */

/** Set on errors this policy raises, so callers recognise them whichever bundle threw. */
export const OUTBOUND_REFUSED = "PROMPTLY_OUTBOUND_REFUSED";

export class OutboundRefusedError extends Error {
  readonly code = OUTBOUND_REFUSED;
  constructor(message: string) {
    super(message);
    this.name = "OutboundRefusedError";
  }
}

export function isOutboundRefusal(error: unknown): error is OutboundRefusedError {
  return error instanceof Error && (error as { code?: unknown }).code === OUTBOUND_REFUSED;
}

/** How long a save waits for DNS before accepting a name it could not resolve. */
const SAVE_LOOKUP_TIMEOUT_MS = 3_000;

export function effectivePort(url: URL): number {
  return url.port ? Number(url.port) : url.protocol === "https:" ? 443 : 80;
}

// RFC 6761: these names are loopback whatever a resolver says.
function isLoopbackName(name: string): boolean {
  return name === "localhost" || name.endsWith(".localhost");
}

function advice(hostname: string, port: number): string {
  return `set ${ALLOWED_PROVIDER_HOSTS_ENV}=${hostname}:${port} to allow it`;
}

/**
 * Why `hostname` (as in the URL: brackets for IPv6) on `port` may not be reached through
 * `addresses` (what it resolved to; [] for a literal IP, which is judged itself), or null.
 */
export function refusalFor(subject: string, hostname: string, port: number, addresses: readonly string[]): string | null {
  const allow = allowedHosts();
  if (isAllowedHost(allow, hostname, port)) return null;
  const name = normalise(hostname);
  if (isIP(name)) {
    const category = classifyAddress(name);
    return category ? `${subject} points to a ${category} address (${name}); ${advice(hostname, port)}` : null;
  }
  if (isLoopbackName(name)) return `${subject} names a loopback host (${name}); ${advice(hostname, port)}`;
  for (const address of addresses) {
    const category = classifyAddress(address);
    if (category && !isAllowedHost(allow, address, port)) {
      return `${subject} resolves to a ${category} address (${address}); ${advice(hostname, port)}`;
    }
  }
  return null;
}

/**
 * Save-time check of a provider URL: null when it may be used. A name that does not
 * resolve now is accepted (an offline server can't resolve api.openai.com either): the
 * connect-time check still applies to whatever it resolves to later.
 */
export async function checkProviderUrl(value: string, subject: string): Promise<string | null> {
  const url = new URL(value);
  const port = effectivePort(url);
  const early = refusalFor(subject, url.hostname, port, []);
  const name = normalise(url.hostname);
  if (early || isIP(name) || isLoopbackName(name) || isAllowedHost(allowedHosts(), url.hostname, port)) return early;
  const addresses = await resolveWithin(name, SAVE_LOOKUP_TIMEOUT_MS);
  return refusalFor(subject, url.hostname, port, addresses);
}

function resolveWithin(name: string, timeoutMs: number): Promise<string[]> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve([]), timeoutMs);
    dns.lookup(name, { all: true, verbatim: true }, (error, addresses) => {
      clearTimeout(timer);
      resolve(error ? [] : addresses.map((entry) => entry.address));
    });
  });
}

/**
 * A `lookup` for node:net that resolves once, refuses when any address is off limits, and
 * hands the socket only the addresses it checked. Node skips `lookup` for literal IPs:
 * those are checked before the request (see refusalFor).
 */
export function guardedLookup(hostname: string, port: number): LookupFunction {
  const subject = `provider host ${hostname}:${port}`;
  return (name, options, callback) => {
    const early = isLoopbackName(normalise(name)) ? refusalFor(subject, hostname, port, []) : null;
    if (early) return callback(new OutboundRefusedError(early), "", 4);
    dns.lookup(name, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 4);
      const refusal = refusalFor(subject, hostname, port, addresses.map((entry) => entry.address));
      if (refusal) return callback(new OutboundRefusedError(refusal), "", 4);
      if (addresses.length === 0) return callback(Object.assign(new Error(`${name} has no address`), { code: "ENOTFOUND" }), "", 4);
      if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}
