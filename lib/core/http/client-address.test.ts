import { describe, expect, it } from "vitest";
import { normaliseForwardedHeaders, parseTrustedProxies, resolveClient } from "./client-address";

const none = parseTrustedProxies(undefined);
const proxy = parseTrustedProxies("127.0.0.1, 10.0.0.0/8, ::1");

describe("client address", () => {
  it("is the socket's peer when no proxy is trusted, whatever the headers claim", () => {
    expect(resolveClient("192.0.2.9", false, { "x-forwarded-for": "203.0.113.1", "x-forwarded-proto": "https" }, none)).toEqual({ address: "192.0.2.9", https: false });
  });

  it("is the peer when the peer is not a listed proxy", () => {
    expect(resolveClient("192.0.2.9", false, { "x-forwarded-for": "203.0.113.1", "x-forwarded-proto": "https" }, proxy)).toEqual({ address: "192.0.2.9", https: false });
  });

  it("is the right-most hop that is not a trusted proxy when the peer is one", () => {
    const headers = { "x-forwarded-for": "6.6.6.6, 198.51.100.7, 10.1.2.3", "x-forwarded-proto": "https" };
    expect(resolveClient("::ffff:127.0.0.1", false, headers, proxy)).toEqual({ address: "198.51.100.7", https: true });
  });

  it("stops at a malformed hop, keeping the hop to its right", () => {
    expect(resolveClient("127.0.0.1", false, { "x-forwarded-for": "not-an-ip, 10.0.0.5" }, proxy).address).toBe("10.0.0.5");
    expect(resolveClient("127.0.0.1", false, {}, proxy).address).toBe("127.0.0.1");
  });

  it("rewrites the headers: one address, the scheme, nothing an untrusted client wrote", () => {
    const req = { headers: { "x-forwarded-for": "1.2.3.4", "x-real-ip": "1.2.3.4", "x-forwarded-host": "evil.test", forwarded: "for=1.2.3.4" } as Record<string, string | undefined>, socket: { remoteAddress: "192.0.2.1" } };
    normaliseForwardedHeaders(req, proxy);
    expect(req.headers).toEqual({ "x-forwarded-for": "192.0.2.1", "x-forwarded-proto": "http" });
    const behind = { headers: { "x-forwarded-for": "203.0.113.5", "x-forwarded-host": "promptly.example.com", "x-forwarded-proto": "https" } as Record<string, string | undefined>, socket: { remoteAddress: "127.0.0.1" } };
    normaliseForwardedHeaders(behind, proxy);
    expect(behind.headers).toEqual({ "x-forwarded-for": "203.0.113.5", "x-forwarded-host": "promptly.example.com", "x-forwarded-proto": "https" });
  });

  it("refuses a malformed PROMPTLY_TRUSTED_PROXIES entry instead of ignoring it", () => {
    expect(() => parseTrustedProxies("127.0.0.1, proxy.internal")).toThrow(/PROMPTLY_TRUSTED_PROXIES/);
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/prefix/);
  });
});
