import { BlockList, isIP } from "node:net";

/**
 * Who the client is and which scheme it used, decided once where the socket is known (the
 * production server, scripts/server.mjs): the peer's own address, unless the peer is a proxy
 * listed in PROMPTLY_TRUSTED_PROXIES (comma list of IPs and CIDRs). Only then do its
 * X-Forwarded-For (right-most hop that is not itself a trusted proxy) and X-Forwarded-Proto
 * count. Everything behind (better-auth's rate limit, our limits, cookies, HSTS) then reads
 * one header it can believe: x-forwarded-for holds exactly one address.
 */

export const TRUSTED_PROXIES_ENV = "PROMPTLY_TRUSTED_PROXIES";

/** Headers a client could use to claim another address, scheme or host. */
const FORWARDING_HEADERS = ["x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", "x-forwarded-port", "x-real-ip", "forwarded"] as const;

export interface TrustedProxies {
  has(address: string): boolean;
  readonly empty: boolean;
}

/** Parses the comma list; a malformed entry is an error at start, never silently ignored. */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const list = new BlockList();
  let count = 0;
  for (const raw of (value ?? "").split(",")) {
    const entry = raw.trim();
    if (!entry) continue;
    const [address, prefix] = entry.split("/");
    const family = isIP(address);
    if (!family) throw new Error(`${TRUSTED_PROXIES_ENV}: '${entry}' is not an IP address or CIDR range`);
    const type = family === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) list.addAddress(address, type);
    else {
      const bits = Number(prefix);
      if (!/^\d+$/.test(prefix) || bits > (family === 6 ? 128 : 32)) throw new Error(`${TRUSTED_PROXIES_ENV}: '${entry}' has a bad prefix length`);
      list.addSubnet(address, bits, type);
    }
    count++;
  }
  return {
    empty: count === 0,
    has(address: string) {
      const plain = unmapped(address);
      const family = isIP(plain);
      return family !== 0 && list.check(plain, family === 6 ? "ipv6" : "ipv4");
    },
  };
}

/** `::ffff:127.0.0.1` (an IPv4 peer on a dual-stack socket) is 127.0.0.1. */
export function unmapped(address: string): string {
  return address.toLowerCase().startsWith("::ffff:") && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

export interface ClientInfo {
  address: string;
  https: boolean;
}

/**
 * The client's address and scheme. From a trusted peer: walk X-Forwarded-For from the right,
 * skipping trusted proxies; the first other hop is the client (entries to its left are
 * whatever the client wrote). A malformed hop stops the walk there: the hop to its right is used.
 */
export function resolveClient(peer: string, encrypted: boolean, headers: Record<string, string | string[] | undefined>, trusted: TrustedProxies): ClientInfo {
  const direct = { address: unmapped(peer), https: encrypted };
  if (trusted.empty || !trusted.has(peer)) return direct;
  let address = direct.address;
  const chain = headerText(headers["x-forwarded-for"]).split(",").map((hop) => hop.trim()).filter(Boolean);
  for (let i = chain.length - 1; i >= 0; i--) {
    const hop = unmapped(chain[i]);
    if (!isIP(hop)) break;
    address = hop;
    if (!trusted.has(hop)) break;
  }
  const proto = headerText(headers["x-forwarded-proto"]).split(",")[0]?.trim().toLowerCase();
  return { address, https: proto ? proto === "https" : encrypted };
}

function headerText(value: string | string[] | undefined): string {
  return Array.isArray(value) ? value.join(",") : (value ?? "");
}

/**
 * Rewrites a node request's headers in place: from an untrusted peer every forwarding header
 * is dropped; then x-forwarded-for is the one client address and x-forwarded-proto its
 * scheme. x-forwarded-host stays only when a trusted proxy sent it.
 */
export function normaliseForwardedHeaders(
  req: { headers: Record<string, string | string[] | undefined>; socket: { remoteAddress?: string; encrypted?: boolean } },
  trusted: TrustedProxies,
): ClientInfo {
  const peer = req.socket.remoteAddress ?? "";
  const fromProxy = !trusted.empty && trusted.has(peer);
  const client = resolveClient(peer, Boolean(req.socket.encrypted), req.headers, trusted);
  for (const name of FORWARDING_HEADERS) if (!fromProxy || name !== "x-forwarded-host") delete req.headers[name];
  req.headers["x-forwarded-for"] = client.address;
  req.headers["x-forwarded-proto"] = client.https ? "https" : "http";
  return client;
}
