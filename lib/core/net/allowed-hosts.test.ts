import { describe, expect, it } from "vitest";
import { isAllowedHost, parseAllowedHosts } from "./allowed-hosts";

describe("PROMPTLY_ALLOWED_PROVIDER_HOSTS", () => {
  const list = parseAllowedHosts("127.0.0.1:4010, localhost:11434 *.internal.example.com,[::1]:8000, 10.0.0.5 ,Ollama.LAN., bad:port, :99, [fe80::1");

  it("parses names, ports, wildcards, IPv4 and bracketed IPv6; skips what it can't read", () => {
    expect(list).toEqual([
      { host: "127.0.0.1", wildcard: false, port: 4010 },
      { host: "localhost", wildcard: false, port: 11434 },
      { host: "internal.example.com", wildcard: true, port: null },
      { host: "::1", wildcard: false, port: 8000 },
      { host: "10.0.0.5", wildcard: false, port: null },
      { host: "ollama.lan", wildcard: false, port: null },
    ]);
    expect(parseAllowedHosts(undefined)).toEqual([]);
    expect(parseAllowedHosts("")).toEqual([]);
  });

  it("matches host and port as a URL spells them", () => {
    expect(isAllowedHost(list, "127.0.0.1", 4010)).toBe(true);
    expect(isAllowedHost(list, "127.0.0.1", 4011)).toBe(false);
    expect(isAllowedHost(list, "LOCALHOST.", 11434)).toBe(true);
    expect(isAllowedHost(list, "[::1]", 8000)).toBe(true);
    expect(isAllowedHost(list, "[::1]", 80)).toBe(false);
    expect(isAllowedHost(list, "10.0.0.5", 8000)).toBe(true);
    expect(isAllowedHost(list, "ollama.lan", 11434)).toBe(true);
  });

  it("a wildcard covers subdomains only, never a look-alike suffix", () => {
    expect(isAllowedHost(list, "a.internal.example.com", 443)).toBe(true);
    expect(isAllowedHost(list, "a.b.internal.example.com", 443)).toBe(true);
    expect(isAllowedHost(list, "internal.example.com", 443)).toBe(false);
    expect(isAllowedHost(list, "evilinternal.example.com", 443)).toBe(false);
    expect(isAllowedHost(list, "internal.example.com.evil.io", 443)).toBe(false);
  });

  it("normalises entries as URLs normalise hosts", () => {
    const odd = parseAllowedHosts("[0:0:0:0:0:0:0:1]:9, 0x7f.1:9");
    expect(isAllowedHost(odd, new URL("http://[::1]:9/").hostname, 9)).toBe(true);
    expect(isAllowedHost(odd, new URL("http://2130706433:9/").hostname, 9)).toBe(true);
  });
});
