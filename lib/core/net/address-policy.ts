import { BlockList, isIP } from "node:net";

/**
 * Which addresses a provider URL may not reach unless an operator allows it: everything that
 * is not the public internet. A server-side request to these is how a stored credential or
 * the network behind Promptly gets exposed (cloud metadata, admin ports on localhost, the
 * private network). Checked with node's BlockList, which also matches IPv4-mapped IPv6
 * (::ffff:127.0.0.1) against the IPv4 rules.
 */
const RANGES: Array<[category: string, ranges: string[]]> = [
  ["cloud metadata", ["169.254.169.254/32", "fd00:ec2::254/128", "100.100.100.200/32"]],
  ["loopback", ["127.0.0.0/8", "::1/128"]],
  ["unspecified", ["0.0.0.0/8", "::/128"]],
  ["link-local", ["169.254.0.0/16", "fe80::/10"]],
  ["private", ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7", "fec0::/10"]],
  ["shared (CGNAT)", ["100.64.0.0/10"]],
  ["multicast", ["224.0.0.0/4", "ff00::/8"]],
  ["benchmarking", ["198.18.0.0/15", "2001:2::/48"]],
  [
    "reserved",
    ["240.0.0.0/4", "192.0.0.0/24", "192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24", "2001:db8::/32", "100::/64", "::/96"],
  ],
];

function addRanges(list: BlockList, ranges: string[]): BlockList {
  for (const range of ranges) {
    const [address, prefix] = range.split("/");
    list.addSubnet(address, Number(prefix), isIP(address) === 6 ? "ipv6" : "ipv4");
  }
  return list;
}

const LISTS: Array<[string, BlockList]> = RANGES.map(([category, ranges]) => [category, addRanges(new BlockList(), ranges)]);
// One check answers the common case (a public address); the per-category lists only name a hit.
const ANY = addRanges(new BlockList(), RANGES.flatMap(([, ranges]) => ranges));

/** IPv6 forms that carry an IPv4 address inside (NAT64 64:ff9b::/96): judged by that address. */
const NAT64 = /^64:ff9b::(?:(\d+\.\d+\.\d+\.\d+)|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/i;

/**
 * The kind of non-public address `address` is ("loopback", "private", "cloud metadata"...),
 * or null for a public address. Not an IP at all: "invalid".
 */
export function classifyAddress(address: string): string | null {
  const bare = address.startsWith("[") && address.endsWith("]") ? address.slice(1, -1) : address;
  const family = isIP(bare);
  if (family === 0) return "invalid";
  const type = family === 6 ? "ipv6" : "ipv4";
  if (ANY.check(bare, type)) {
    for (const [category, list] of LISTS) if (list.check(bare, type)) return category;
  }
  if (family === 6) {
    const embedded = embeddedIPv4(bare);
    if (embedded) return classifyAddress(embedded);
  }
  return null;
}

function embeddedIPv4(address: string): string | null {
  const match = address.match(NAT64);
  if (!match) return null;
  if (match[1]) return match[1];
  const high = parseInt(match[2], 16);
  const low = parseInt(match[3], 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join(".");
}
