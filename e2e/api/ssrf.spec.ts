import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { acceptInvite, invite, signUp } from "../support/accounts";
import { E2E } from "../support/env";
import { mock, type MockRequest } from "../support/mock";
import { startOwnServer, type OwnServer } from "../support/own-server";

// Provider calls as an attacker holding an admin key would abuse them: moving a stored
// secret to another host, pointing a key at the metadata service or localhost, a provider
// redirecting elsewhere, and upstream answers that never end.
test.describe.configure({ mode: "serial" });

const ALLOW_ENV = "PROMPTLY_ALLOWED_PROVIDER_HOSTS";
const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function api(method: string, route: string, body?: unknown, base = E2E.baseUrl) {
  const response = await fetch(`${base}${route}`, {
    method,
    headers: { "content-type": "application/json", "x-portkey-api-key": E2E.apiKey },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // SSE or empty
  }
  return { status: response.status, text, json };
}

async function promptFor(virtualKey: string, model = "gpt-4o-mini", base = E2E.baseUrl) {
  const created = await api("POST", "/v1/prompts", { name: `ssrf ${stamp()}`, string: JSON.stringify([{ role: "user", content: "hi {{x}}" }]), parameters: { model }, virtual_key: virtualKey }, base);
  expect(created.status, created.text).toBe(200);
  return String(created.json.id);
}

/** A plain local server standing for "another host": it records whatever reaches it. */
async function listener() {
  const seen: { url: string; headers: http.IncomingHttpHeaders }[] = [];
  const server = http.createServer((req, res) => {
    seen.push({ url: req.url ?? "", headers: req.headers });
    res.writeHead(200, { "content-type": "application/json" });
    res.end("{}");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return { seen, port, url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

const headersCarry = (requests: Pick<MockRequest, "headers">[], secret: string) =>
  requests.some((request) => JSON.stringify(request.headers).includes(secret));

function expectEnvelope(json: Record<string, unknown>) {
  expect(json).toMatchObject({ status: "failure", message: expect.any(String), error: expect.objectContaining({ message: expect.any(String) }) });
}

test("moving a key to another host without its secret: the stored secret is never sent there", async () => {
  await mock.reset();
  const secret = `sk-old-${stamp()}-must-stay-home`;
  const vk = await api("POST", "/v1/virtual-keys", { name: `moved ${stamp()}`, provider: "openai", key: secret, custom_host: `${E2E.mockUrl}/v1` });
  expect(vk.status, vk.text).toBe(200);
  const slug = String(vk.json.slug);
  const prompt = await promptFor(slug);

  // Another path on the allowed host: the attacker's reverse proxy, say. Accepted, but the secret is gone.
  const moved = await api("PUT", `/v1/virtual-keys/${slug}`, { custom_host: `${E2E.mockUrl}/attacker/v1` });
  expect(moved.status, moved.text).toBe(200);
  expect((await api("GET", `/v1/virtual-keys/${slug}`)).json).toMatchObject({ status: "needs_secret", masked_api_key: "" });
  const refused = await api("POST", `/v1/prompts/${prompt}/completions`, { variables: { x: "1" } });
  expect(refused.status).toBe(400);
  expectEnvelope(refused.json);
  expect(refused.json.error).toMatchObject({ code: "virtual_key_needs_secret", param: "virtual_key" });
  expect(refused.json.message).toContain(`Virtual key '${slug}' needs a new secret`);
  const streamed = await api("POST", `/v1/prompts/${prompt}/completions`, { variables: { x: "1" }, stream: true });
  expect(streamed.status).toBe(400);
  expect(headersCarry(await mock.requests(), secret)).toBe(false);
  expect(await mock.requests()).toEqual([]);

  // Another host altogether (a second local server, not allowed) is refused at save.
  const other = await listener();
  try {
    const toOther = await api("PUT", `/v1/virtual-keys/${slug}`, { custom_host: `${other.url}/v1` });
    expect(toOther.status).toBe(400);
    expect(toOther.json.message).toContain(`${ALLOW_ENV}=127.0.0.1:${other.port}`);
    expect(other.seen).toEqual([]);
  } finally {
    await other.close();
  }

  // With a new key in the same request the key works again, and only the new key travels.
  const fresh = `sk-new-${stamp()}`;
  expect((await api("PUT", `/v1/virtual-keys/${slug}`, { custom_host: `${E2E.mockUrl}/v1`, key: fresh })).status).toBe(200);
  const ok = await api("POST", `/v1/prompts/${prompt}/completions`, { variables: { x: "1" } });
  expect(ok.status, ok.text).toBe(200);
  const sent = await mock.requests();
  expect(sent.map((request) => request.headers.authorization)).toEqual([`Bearer ${fresh}`]);
  expect(headersCarry(sent, secret)).toBe(false);
});

test("custom hosts on loopback, link-local, metadata or private addresses are refused, naming the variable to set", async () => {
  const cases: Array<[string, string]> = [
    ["http://169.254.169.254/latest/meta-data", "169.254.169.254:80"],
    ["http://10.0.0.1/v1", "10.0.0.1:80"],
    ["http://[::1]:9/v1", "[::1]:9"],
    ["http://2130706433/v1", "127.0.0.1:80"],
    ["http://0x7f.1:9/v1", "127.0.0.1:9"],
    ["http://[::ffff:169.254.169.254]/", "[::ffff:a9fe:a9fe]:80"],
    ["http://[fd00:ec2::254]/", "[fd00:ec2::254]:80"],
    ["http://192.168.1.10:8000/v1", "192.168.1.10:8000"],
    [`http://localhost:${E2E.mockPort + 1}/v1`, `localhost:${E2E.mockPort + 1}`],
    [`http://ssrf.localhost:${E2E.mockPort}/v1`, `ssrf.localhost:${E2E.mockPort}`],
  ];
  const existing = await api("POST", "/v1/virtual-keys", { name: `target ${stamp()}`, provider: "openai", key: "sk-target-0000000000", custom_host: `${E2E.mockUrl}/v1` });
  for (const [host, allow] of cases) {
    const created = await api("POST", "/v1/virtual-keys", { name: `ssrf ${stamp()}`, provider: "openai", key: "sk-x-0000000000000", custom_host: host });
    expect(created.status, `${host}: ${created.text}`).toBe(400);
    expectEnvelope(created.json);
    expect(created.json.error).toMatchObject({ param: "custom_host", code: "provider_host_refused" });
    expect(created.json.message).toContain(`${ALLOW_ENV}=${allow}`);
    const updated = await api("PUT", `/v1/virtual-keys/${existing.json.slug}`, { custom_host: host, key: "sk-y-0000000000000" });
    expect(updated.status, `${host}: ${updated.text}`).toBe(400);
  }
  // The key was never moved: it still points at the mock.
  expect((await api("GET", `/v1/virtual-keys/${existing.json.slug}`)).json).toMatchObject({ custom_host: `${E2E.mockUrl}/v1`, status: "active" });
});

test("a provider redirect is not followed: the call fails and the other host sees nothing", async () => {
  await mock.reset();
  const other = await listener();
  try {
    const secret = `sk-redirect-${stamp()}`;
    const vk = await api("POST", "/v1/virtual-keys", { name: `redirect ${stamp()}`, provider: "openai", key: secret, custom_host: `${E2E.mockUrl}/v1` });
    const prompt = await promptFor(String(vk.json.slug));
    for (const stream of [false, true]) {
      await mock.enqueue({ redirectTo: `${other.url}/steal?from=promptly` });
      const answer = await api("POST", `/v1/prompts/${prompt}/completions`, { variables: { x: "1" }, stream });
      expect(answer.status, answer.text).toBe(502);
      expectEnvelope(answer.json);
      expect(answer.json.message).toContain("redirect (302");
      expect(answer.json.message).toContain("not followed");
    }
    expect(other.seen).toEqual([]);
  } finally {
    await other.close();
  }
});

test.describe("on a server of its own (small upstream limits, a database the test can edit)", () => {
  let server: OwnServer;
  let owner: APIRequestContext | undefined;
  let viewer: APIRequestContext | undefined;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    server = await startOwnServer(E2E.port + 47, path.join(E2E.dataDir, `ssrf-own-${Date.now()}`), {
      PROMPTLY_MAX_UPSTREAM_BYTES: String(1024 * 1024),
      PROMPTLY_UPSTREAM_IDLE_TIMEOUT_MS: "1500",
    });
  });

  test.afterAll(async () => {
    await owner?.dispose();
    await viewer?.dispose();
    await server?.stop("SIGTERM");
  });

  test("a host that became a refused address after saving is refused at connect time, by name or by IP", async () => {
    const other = await listener();
    try {
      const keys = [];
      for (const host of [`http://localhost:${other.port}/v1`, `${other.url}/v1`, `http://[::ffff:127.0.0.1]:${other.port}/v1`]) {
        const vk = await api("POST", "/v1/virtual-keys", { name: `rebound ${stamp()}`, provider: "openai", key: "sk-rebound-000000000000", custom_host: `${E2E.mockUrl}/v1` }, server.baseUrl);
        expect(vk.status, vk.text).toBe(200);
        keys.push({ id: String(vk.json.id), host });
      }
      // What a DNS change, or a row written behind the API's back, would leave.
      const sqlite = new Database(server.dbFile);
      for (const { id, host } of keys) sqlite.prepare("UPDATE virtual_key SET customHost = ? WHERE id = ?").run(host, id);
      sqlite.close();
      for (const { id } of keys) {
        const prompt = await promptFor(id, "gpt-4o-mini", server.baseUrl);
        for (const stream of [false, true]) {
          const answer = await api("POST", `/v1/prompts/${prompt}/completions`, { variables: { x: "1" }, stream }, server.baseUrl);
          expect(answer.status, answer.text).toBe(400);
          expectEnvelope(answer.json);
          expect(answer.json.error).toMatchObject({ code: "provider_host_refused" });
          expect(answer.json.message).toContain(`${ALLOW_ENV}=`);
        }
      }
      expect(other.seen).toEqual([]);
    } finally {
      await other.close();
    }
  });

  test("an upstream body over PROMPTLY_MAX_UPSTREAM_BYTES is a 502, and the connection is dropped, not buffered", async () => {
    await mock.reset();
    const vk = await api("POST", "/v1/virtual-keys", { name: `huge ${stamp()}`, provider: "openai", key: "sk-huge-0000000000000", custom_host: `${E2E.mockUrl}/v1` }, server.baseUrl);
    const prompt = await promptFor(String(vk.json.slug), "gpt-4o-mini", server.baseUrl);
    const total = 200 * 1024 * 1024;
    await mock.enqueue({ hugeBodyBytes: total });
    const answer = await api("POST", `/v1/prompts/${prompt}/completions`, { variables: { x: "1" } }, server.baseUrl);
    expect(answer.status, answer.text.slice(0, 300)).toBe(502);
    expectEnvelope(answer.json);
    expect(answer.json.message).toContain("PROMPTLY_MAX_UPSTREAM_BYTES (1048576 bytes)");
    await expect.poll(async () => (await mock.requests())[0]?.closedEarly).toBe(true);
    const [sent] = (await mock.requests()) as (MockRequest & { bytesSent?: number })[];
    expect(sent.bytesSent ?? 0).toBeLessThan(total);
    expect((await fetch(`${server.baseUrl}/api/health`)).ok).toBe(true);
  });

  test("a stream that goes quiet past PROMPTLY_UPSTREAM_IDLE_TIMEOUT_MS ends with event: error, and the connection is dropped", async () => {
    await mock.reset();
    const vk = await api("POST", "/v1/virtual-keys", { name: `idle ${stamp()}`, provider: "openai", key: "sk-idle-0000000000000", custom_host: `${E2E.mockUrl}/v1` }, server.baseUrl);
    const prompt = await promptFor(String(vk.json.slug), "gpt-4o-mini", server.baseUrl);
    await mock.enqueue({ tokens: 6, stallAfterTokens: 2 });
    const answer = await api("POST", `/v1/prompts/${prompt}/completions`, { variables: { x: "1" }, stream: true }, server.baseUrl);
    expect(answer.status).toBe(200);
    expect(answer.text).toContain("tok1");
    expect(answer.text).toMatch(/event: error\ndata: \{"message":"[^"]*PROMPTLY_UPSTREAM_IDLE_TIMEOUT_MS \(1500 ms\)[^"]*","error":\{.*\}\}\n\n$/);
    expect(answer.text).not.toContain("[DONE]");
    await expect.poll(async () => (await mock.requests())[0]?.closedEarly).toBe(true);
  });

  test("a viewer sees custom hosts without their credentials; the owner sees them whole", async () => {
    const created = await signUp(server.baseUrl, { name: "SSRF Owner", email: "owner@ssrf.test", password: "owner-password-123" });
    expect(created.status).toBe(200);
    owner = created.context;
    const withCredentials = `http://bob:hunter2@127.0.0.1:${E2E.mockPort}/v1?api_key=abc123secret&region=eu`;
    const vk = await owner.post("/v1/virtual-keys", { data: { name: `creds ${stamp()}`, provider: "openai", key: "sk-creds-00000000000", custom_host: withCredentials } });
    expect(vk.status(), await vk.text()).toBe(200);
    const { slug } = (await vk.json()) as { slug: string };
    const token = (await invite(owner, { role: "viewer" })).token;
    viewer = await acceptInvite(server.baseUrl, token, "viewer@ssrf.test");
    for (const route of ["/v1/virtual-keys", `/v1/virtual-keys/${slug}`]) {
      const seen = await (await viewer.get(route)).text();
      expect(seen).not.toContain("hunter2");
      expect(seen).not.toContain("abc123secret");
      expect(seen).toContain(`http://****@127.0.0.1:${E2E.mockPort}/v1?api_key=****&region=eu`);
    }
    expect((await (await owner.get(`/v1/virtual-keys/${slug}`)).json()).custom_host).toBe(withCredentials);
  });
});
