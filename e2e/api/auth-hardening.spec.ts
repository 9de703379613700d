import http from "node:http";
import path from "node:path";
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { invite } from "../support/accounts";
import { E2E } from "../support/env";
import { ownPostgresSchema, startOwnServer, type OwnServer } from "../support/own-server";

// Accounts and transport, attacked from outside: the client address a request claims, the
// sign-in limits, what sign-up says about existing emails, cookies and HSTS over https, the
// Host header, the first owner, the bootstrap key and who owns the keys an API key makes.
// Each server here is this file's own: these tests need fresh installs and their own env.
test.describe.configure({ mode: "serial" });

const PASSWORD = "correct-horse-battery";

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/** node:http, so that Host and the forwarded headers go out exactly as written. */
function call(baseUrl: string, method: string, pathname: string, headers: Record<string, string> = {}, body?: unknown): Promise<Answer> {
  const url = new URL(pathname, baseUrl);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        method,
        path: url.pathname + url.search,
        agent: false,
        headers: {
          origin: baseUrl,
          ...(payload !== undefined ? { "content-type": "application/json", "content-length": String(Buffer.byteLength(payload)) } : {}),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

let ipCounter = 0;
/** A distinct documentation address (TEST-NET-3) per call: a client of its own each time. */
const nextIp = () => `203.0.113.${(ipCounter++ % 250) + 1}`;

const signIn = (baseUrl: string, email: string, password: string, headers: Record<string, string> = {}) =>
  call(baseUrl, "POST", "/api/auth/sign-in/email", headers, { email, password });

const signUp = (baseUrl: string, account: { email: string; name?: string; password?: string }, headers: Record<string, string> = {}) =>
  call(baseUrl, "POST", "/api/auth/sign-up/email", headers, { name: account.name ?? account.email.split("@")[0], email: account.email, password: account.password ?? PASSWORD });

/** The session cookie's name=value from a Set-Cookie answer. */
function sessionCookie(answer: Answer): string {
  const cookies = answer.headers["set-cookie"] ?? [];
  const line = cookies.find((c) => c.includes("better-auth.session_token="));
  if (!line) throw new Error(`no session cookie in ${answer.status} ${JSON.stringify(answer.headers)} ${answer.text}`);
  return line.split(";")[0];
}

function cookieLines(answer: Answer): string[] {
  return answer.headers["set-cookie"] ?? [];
}

// ---------------------------------------------------------------- a server behind no proxy

test.describe("directly exposed (no trusted proxy)", () => {
  let server: OwnServer;
  const port = E2E.port + 60;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    server = await startOwnServer(port, path.join(E2E.dataDir, `auth-direct-${Date.now()}`), {
      PROMPTLY_ALLOWED_HOSTS: `127.0.0.1:${port},promptly.example.com`,
      ...(await ownPostgresSchema("auth_direct")),
    });
  });
  test.afterAll(async () => {
    await server?.stop("SIGTERM");
  });

  test("two concurrent sign-ups on a fresh install make exactly one owner", async () => {
    const answers = await Promise.all([
      signUp(server.baseUrl, { email: "first@race.test" }),
      signUp(server.baseUrl, { email: "second@race.test" }),
    ]);
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses, answers.map((a) => a.text).join(" | ")).toEqual([200, 403]);
    const winner = answers.find((a) => a.status === 200)!;
    const members = await call(server.baseUrl, "GET", "/v1/members", { cookie: sessionCookie(winner) });
    expect(members.status).toBe(200);
    const list = JSON.parse(members.text) as { data: { email: string; role: string }[] };
    expect(list.data).toHaveLength(1);
    expect(list.data[0].role).toBe("owner");
  });

  test("x-forwarded-proto from an untrusted peer makes no Secure cookie and no HSTS", async () => {
    const members = await signIn(server.baseUrl, "first@race.test", PASSWORD, { "x-forwarded-proto": "https" });
    const answer = members.status === 200 ? members : await signIn(server.baseUrl, "second@race.test", PASSWORD, { "x-forwarded-proto": "https" });
    expect(answer.status).toBe(200);
    for (const line of cookieLines(answer)) expect(line).not.toMatch(/;\s*secure/i);
    expect(answer.headers["strict-transport-security"]).toBeUndefined();
  });

  test("rotating X-Forwarded-For does not escape the sign-in rate limit", async () => {
    const answers: Answer[] = [];
    for (let i = 0; i < 6; i++) answers.push(await signIn(server.baseUrl, "nobody@race.test", "wrong-password-1", { "x-forwarded-for": nextIp() }));
    const limited = answers.find((a) => a.status === 429);
    expect(limited, answers.map((a) => a.status).join(",")).toBeDefined();
    expect(Number(limited!.headers["retry-after"])).toBeGreaterThanOrEqual(1);
  });

  test("a Host not in PROMPTLY_ALLOWED_HOSTS is refused on every kind of route", async () => {
    for (const [method, pathname] of [["GET", "/"], ["GET", "/sign-in"], ["GET", "/api/health"], ["GET", "/v1/prompts"], ["POST", "/v1/prompts/x/completions"], ["POST", "/api/auth/sign-in/email"]] as const) {
      const body = method === "POST" ? { variables: {} } : undefined;
      const refused = await call(server.baseUrl, method, pathname, { host: "evil.example.net", "x-portkey-api-key": E2E.apiKey }, body);
      expect(refused.status, `${method} ${pathname}`).toBe(400);
      expect(refused.text).toContain("PROMPTLY_ALLOWED_HOSTS");
      const allowed = await call(server.baseUrl, method, pathname, { host: "promptly.example.com", "x-portkey-api-key": E2E.apiKey }, body);
      expect(allowed.status, `${method} ${pathname} on an allowed host`).not.toBe(400);
    }
  });
});

// ---------------------------------------------------------------- behind a trusted proxy

test.describe("behind a trusted proxy (PROMPTLY_TRUSTED_PROXIES=127.0.0.1)", () => {
  let server: OwnServer;
  let ownerCookie = "";
  const owner = { email: "owner@proxy.test" };

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    server = await startOwnServer(E2E.port + 61, path.join(E2E.dataDir, `auth-proxy-${Date.now()}`), {
      PROMPTLY_TRUSTED_PROXIES: "127.0.0.1,::1",
      ...(await ownPostgresSchema("auth_proxy")),
    });
    const made = await signUp(server.baseUrl, owner, { "x-forwarded-for": nextIp() });
    expect(made.status, made.text).toBe(200);
    ownerCookie = sessionCookie(made);
  });
  test.afterAll(async () => {
    await server?.stop("SIGTERM");
  });

  test("over https (x-forwarded-proto from the proxy): Secure cookies and HSTS", async () => {
    const answer = await signIn(server.baseUrl, owner.email, PASSWORD, { "x-forwarded-for": nextIp(), "x-forwarded-proto": "https" });
    expect(answer.status).toBe(200);
    expect(cookieLines(answer).length).toBeGreaterThan(0);
    for (const line of cookieLines(answer)) expect(line).toMatch(/;\s*secure/i);
    expect(answer.headers["strict-transport-security"]).toMatch(/max-age=\d+/);
    const page = await call(server.baseUrl, "GET", "/sign-in", { "x-forwarded-proto": "https" });
    expect(page.headers["strict-transport-security"]).toMatch(/max-age=\d+/);
    const api = await call(server.baseUrl, "POST", "/v1/prompts/x/completions", { "x-forwarded-proto": "https", "x-portkey-api-key": E2E.apiKey }, { variables: {} });
    expect(api.headers["strict-transport-security"]).toMatch(/max-age=\d+/);
    const plain = await signIn(server.baseUrl, owner.email, PASSWORD, { "x-forwarded-for": nextIp() });
    for (const line of cookieLines(plain)) expect(line).not.toMatch(/;\s*secure/i);
    expect(plain.headers["strict-transport-security"]).toBeUndefined();
  });

  test("the client is the right-most untrusted hop: rotating the left of the chain is still one client", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await signIn(server.baseUrl, "nobody@proxy.test", "wrong-password-1", { "x-forwarded-for": `${nextIp()}, 198.51.100.7` })).status);
    }
    expect(statuses).toContain(429);
  });

  test("sign-up does not tell whether an email has an account", async () => {
    const existing = await signUp(server.baseUrl, { email: owner.email }, { "x-forwarded-for": nextIp() });
    const unknown = await signUp(server.baseUrl, { email: "unknown@proxy.test" }, { "x-forwarded-for": nextIp() });
    expect(existing.status).toBe(unknown.status);
    expect(existing.text).toBe(unknown.text);
    const madeUpExisting = await signUp(server.baseUrl, { email: owner.email }, { "x-forwarded-for": nextIp(), "x-promptly-invite": "made-up" });
    const madeUpUnknown = await signUp(server.baseUrl, { email: "unknown@proxy.test" }, { "x-forwarded-for": nextIp(), "x-promptly-invite": "made-up" });
    expect(madeUpExisting.status).toBe(madeUpUnknown.status);
    expect(madeUpExisting.text).toBe(madeUpUnknown.text);
  });

  test("a successful sign-in resets the account's failure count", async () => {
    for (let i = 0; i < 9; i++) expect((await signIn(server.baseUrl, owner.email, "wrong-password-1", { "x-forwarded-for": nextIp() })).status).toBe(401);
    expect((await signIn(server.baseUrl, owner.email, PASSWORD, { "x-forwarded-for": nextIp() })).status).toBe(200);
    for (let i = 0; i < 9; i++) expect((await signIn(server.baseUrl, owner.email, "wrong-password-1", { "x-forwarded-for": nextIp() })).status).toBe(401);
  });

  test("10 failures lock the account: the same 429 with retry-after for an existing and an unknown email", async () => {
    // The owner has 9 failures from the test before; one more locks it.
    expect((await signIn(server.baseUrl, owner.email, "wrong-password-1", { "x-forwarded-for": nextIp() })).status).toBe(401);
    for (let i = 0; i < 10; i++) expect((await signIn(server.baseUrl, "ghost@proxy.test", "wrong-password-1", { "x-forwarded-for": nextIp() })).status).toBe(401);
    const locked = await signIn(server.baseUrl, owner.email, PASSWORD, { "x-forwarded-for": nextIp() }); // even the right password
    const ghost = await signIn(server.baseUrl, "ghost@proxy.test", PASSWORD, { "x-forwarded-for": nextIp() });
    expect(locked.status).toBe(429);
    expect(ghost.status).toBe(429);
    expect(locked.text).toBe(ghost.text);
    expect(JSON.parse(locked.text).message).toContain("PROMPTLY_SIGNIN_MAX_FAILURES");
    const retryAfter = Number(locked.headers["retry-after"]);
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    const shape = (a: Answer) => Object.keys(a.headers).filter((h) => h !== "date").sort().map((h) => (h === "retry-after" || h === "x-retry-after" ? h : `${h}: ${String(a.headers[h])}`));
    expect(shape(locked)).toEqual(shape(ghost));
    expect(cookieLines(locked)).toEqual([]);
    // The owner's session from before is not touched by the lock.
    expect((await call(server.baseUrl, "GET", "/v1/members", { cookie: ownerCookie })).status).toBe(200);
  });

  test("keys made by a user's API key belong to that user and die with them; keys made by the bootstrap key die with it", async () => {
    const invited = await invite(await ownerContext(), { role: "editor" });
    const made = await call(server.baseUrl, "POST", "/api/auth/sign-up/email", { "x-forwarded-for": nextIp(), "x-promptly-invite": invited.token }, { name: "Co", email: "co@proxy.test", password: PASSWORD });
    expect(made.status, made.text).toBe(200);
    const coCookie = sessionCookie(made);
    const members = JSON.parse((await call(server.baseUrl, "GET", "/v1/members", { cookie: ownerCookie })).text) as { data: { id: string; email: string }[] };
    const coId = members.data.find((m) => m.email === "co@proxy.test")!.id;
    expect((await call(server.baseUrl, "PUT", `/v1/members/${coId}`, { cookie: ownerCookie }, { role: "owner" })).status).toBe(200);
    const parent = JSON.parse((await call(server.baseUrl, "POST", "/v1/api-keys", { cookie: coCookie }, { name: "co's admin", scope: "admin" })).text) as { key: string };
    const childAnswer = await call(server.baseUrl, "POST", "/v1/api-keys", { "x-portkey-api-key": parent.key }, { name: "made by a key", scope: "admin" });
    expect(childAnswer.status, childAnswer.text).toBe(200);
    const child = JSON.parse(childAnswer.text) as { key: string };
    expect((await call(server.baseUrl, "GET", "/v1/prompts", { "x-portkey-api-key": child.key })).status).toBe(200);
    expect((await call(server.baseUrl, "DELETE", `/v1/members/${coId}`, { cookie: ownerCookie })).status).toBe(200);
    expect((await call(server.baseUrl, "GET", "/v1/prompts", { "x-portkey-api-key": child.key })).status).toBe(401);

    // The bootstrap key has no user: what it makes is revoked with it.
    const fromBootstrap = JSON.parse((await call(server.baseUrl, "POST", "/v1/api-keys", { "x-portkey-api-key": E2E.apiKey }, { name: "from bootstrap", scope: "completions" })).text) as { key: string };
    const keys = JSON.parse((await call(server.baseUrl, "GET", "/v1/api-keys", { cookie: ownerCookie })).text) as { data: { id: string; name: string }[] };
    const bootstrapId = keys.data.find((k) => k.name === "bootstrap")!.id;
    expect((await call(server.baseUrl, "DELETE", `/v1/api-keys/${bootstrapId}`, { cookie: ownerCookie })).status).toBe(200);
    expect((await call(server.baseUrl, "GET", "/v1/providers", { "x-portkey-api-key": fromBootstrap.key })).status).toBe(401);
  });

  async function ownerContext() {
    const { request } = await import("@playwright/test");
    return request.newContext({ baseURL: server.baseUrl, extraHTTPHeaders: { cookie: ownerCookie, origin: server.baseUrl } });
  }
});

// ---------------------------------------------------------------- the bootstrap key

test("a weak PROMPTLY_BOOTSTRAP_API_KEY stops the server at start, saying why", async () => {
  test.setTimeout(90_000);
  const dataDir = path.join(E2E.dataDir, `auth-weak-key-${Date.now()}`);
  const started = startOwnServer(E2E.port + 62, dataDir, { PROMPTLY_BOOTSTRAP_API_KEY: "pk-promptly-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" });
  const outcome = await started.then(
    async (server) => {
      await server.stop("SIGTERM");
      return "started";
    },
    (error: Error) => error.message,
  );
  expect(outcome).toMatch(/exited with 1/);
  const log = fs.readFileSync(path.join(dataDir, "server.log"), "utf8");
  expect(log).toContain("PROMPTLY_BOOTSTRAP_API_KEY");
  expect(log).toMatch(/128 bits/);
  expect(log).not.toContain("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
});

test("a generated first key is written to a 0600 file, and the log shows only its prefix", async () => {
  test.setTimeout(90_000);
  const dataDir = path.join(E2E.dataDir, `auth-first-key-${Date.now()}`);
  const server = await startOwnServer(E2E.port + 63, dataDir, { PROMPTLY_BOOTSTRAP_API_KEY: "" });
  try {
    const file = path.join(dataDir, "first-api-key.txt");
    expect(fs.existsSync(file)).toBe(true);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const key = fs.readFileSync(file, "utf8").trim();
    expect((await call(server.baseUrl, "GET", "/v1/prompts", { "x-portkey-api-key": key })).status).toBe(200);
    const log = fs.readFileSync(path.join(dataDir, "server.log"), "utf8");
    expect(log).toContain(file);
    expect(log).not.toContain(key);
  } finally {
    await server.stop("SIGTERM");
  }
});
