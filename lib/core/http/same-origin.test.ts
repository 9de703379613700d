import { describe, expect, it } from "vitest";
import { isCrossSiteWrite } from "./same-origin";

const request = (method: string, headers: Record<string, string>) => new Request("http://127.0.0.1:3000/v1/prompts", { method, headers: { host: "127.0.0.1:3000", ...headers } });

describe("isCrossSiteWrite", () => {
  it("refuses writes from another origin or site", () => {
    expect(isCrossSiteWrite(request("POST", { origin: "https://evil.example" }))).toBe(true);
    expect(isCrossSiteWrite(request("DELETE", { "sec-fetch-site": "cross-site" }))).toBe(true);
    expect(isCrossSiteWrite(request("PUT", { "sec-fetch-site": "same-site", origin: "http://127.0.0.1:3000" }))).toBe(true);
    expect(isCrossSiteWrite(request("POST", { origin: "null" }))).toBe(true);
  });

  it("allows same-origin writes, reads, and non-browser clients", () => {
    expect(isCrossSiteWrite(request("POST", { origin: "http://127.0.0.1:3000", "sec-fetch-site": "same-origin" }))).toBe(false);
    expect(isCrossSiteWrite(request("GET", { origin: "https://evil.example" }))).toBe(false);
    expect(isCrossSiteWrite(request("POST", {}))).toBe(false);
  });
});
