import { describe, expect, it } from "vitest";
import { hostRefusal, parseAllowedHosts } from "./allowed-hosts";

describe("PROMPTLY_ALLOWED_HOSTS", () => {
  it("is off when unset", () => {
    expect(parseAllowedHosts(undefined)).toBeNull();
    expect(parseAllowedHosts(" , ")).toBeNull();
  });

  it("matches names on any port, name:port exactly, and *.domain subdomains", () => {
    const allowed = parseAllowedHosts("promptly.example.com, 127.0.0.1:3000, *.corp.test")!;
    expect(allowed("promptly.example.com")).toBe(true);
    expect(allowed("PROMPTLY.example.com:8443")).toBe(true);
    expect(allowed("127.0.0.1:3000")).toBe(true);
    expect(allowed("127.0.0.1:3001")).toBe(false);
    expect(allowed("a.corp.test")).toBe(true);
    expect(allowed("corp.test")).toBe(false);
    expect(allowed("evil.example.com")).toBe(false);
    expect(allowed("promptly.example.com.evil.test")).toBe(false);
    expect(allowed(undefined)).toBe(false);
  });

  it("refuses in the error envelope, naming the variable", () => {
    const { status, body } = hostRefusal("evil.test");
    expect(status).toBe(400);
    expect(body.message).toContain("PROMPTLY_ALLOWED_HOSTS");
    expect(body.error).toMatchObject({ type: "invalid_request_error", code: "host_not_allowed", param: null });
  });
});
