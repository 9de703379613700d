import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guardConfig, guardRequest, resetGuardConfig, withSecure } from "./request-guard";

let server: http.Server;
let port = 0;

beforeAll(async () => {
  process.env.PROMPTLY_TRUSTED_PROXIES = "127.0.0.1";
  process.env.PROMPTLY_ALLOWED_HOSTS = "promptly.test";
  resetGuardConfig();
  server = http.createServer((req, res) => {
    if (guardRequest(req, res)) return;
    // The three ways a cookie gets out: setHeader, appendHeader, writeHead's own headers.
    if (req.url === "/head") res.writeHead(200, { "content-type": "application/json", "set-cookie": "d=4" });
    else {
      res.setHeader("set-cookie", ["a=1; Path=/; HttpOnly", "b=2; Secure"]);
      res.appendHeader("set-cookie", "c=3");
      res.writeHead(200, { "content-type": "application/json" });
    }
    res.end(JSON.stringify({ for: req.headers["x-forwarded-for"], proto: req.headers["x-forwarded-proto"] }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  delete process.env.PROMPTLY_TRUSTED_PROXIES;
  delete process.env.PROMPTLY_ALLOWED_HOSTS;
  resetGuardConfig();
  await new Promise((resolve) => server.close(resolve));
});

function get(path: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path, headers, agent: false }, (res) => {
        let body = "";
        res.on("data", (chunk) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      })
      .on("error", reject);
  });
}

describe("the request guard", () => {
  it("refuses a Host outside PROMPTLY_ALLOWED_HOSTS in the error envelope", async () => {
    const answer = await get("/v1/prompts", { host: "evil.test" });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).error.code).toBe("host_not_allowed");
  });

  it("over https from the trusted proxy: every cookie Secure, HSTS, the forwarded client", async () => {
    const answer = await get("/v1/prompts", { host: "promptly.test", "x-forwarded-proto": "https", "x-forwarded-for": "203.0.113.9" });
    expect(answer.status).toBe(200);
    expect(answer.headers["set-cookie"]).toEqual(["a=1; Path=/; HttpOnly; Secure", "b=2; Secure", "c=3; Secure"]);
    const head = await get("/head", { host: "promptly.test", "x-forwarded-proto": "https" });
    expect(head.headers["set-cookie"]).toEqual(["d=4; Secure"]);
    expect(answer.headers["strict-transport-security"]).toBe("max-age=31536000");
    expect(answer.headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(JSON.parse(answer.body)).toEqual({ for: "203.0.113.9", proto: "https" });
  });

  it("over plain http: cookies as set, no HSTS", async () => {
    const answer = await get("/page", { host: "promptly.test" });
    expect(answer.headers["strict-transport-security"]).toBeUndefined();
    expect(answer.headers["content-security-policy"]).toBeUndefined();
    expect(answer.headers["set-cookie"]).toEqual(["a=1; Path=/; HttpOnly", "b=2; Secure", "c=3"]);
  });

  it("adds Secure once, and reads PROMPTLY_HSTS_MAX_AGE", () => {
    expect(withSecure("x=1; Secure")).toBe("x=1; Secure");
    expect(withSecure(["x=1", "y=2; secure; Path=/"])).toEqual(["x=1; Secure", "y=2; secure; Path=/"]);
    expect(guardConfig({ PROMPTLY_HSTS_MAX_AGE: "0" }).hsts).toBeNull();
    expect(() => guardConfig({ PROMPTLY_HSTS_MAX_AGE: "soon" })).toThrow(/PROMPTLY_HSTS_MAX_AGE/);
  });
});
