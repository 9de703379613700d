import { createHmac, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { acceptInvite, invite, signUp } from "../support/accounts";
import { E2E } from "../support/env";
import { ownPostgresSchema, startOwnServer, type OwnServer } from "../support/own-server";

/**
 * Signed webhooks and the audit log, end to end: a receiver on 127.0.0.1 of this file's own
 * verifies every signature as a Standard Webhooks receiver would; the servers are this
 * file's own (the second one, on the same database, is the "restart"). Both databases.
 */
test.describe.configure({ mode: "serial" });

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
interface Hit {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  answered: number;
}

const hits: Hit[] = [];
const receiver = { script: [] as number[], failAll: false };
let receiverServer: http.Server;
let receiverUrl = "";
let dataDir = "";
let dbEnv: Record<string, string> = {};
let serverEnv: Record<string, string> = {};
let server: OwnServer;
let owner: APIRequestContext;
let editor: APIRequestContext;
let secret = "";
let webhookId = "";

const admin = { "x-portkey-api-key": E2E.apiKey, "content-type": "application/json" };
async function api(method: string, route: string, body?: unknown, base = server.baseUrl): Promise<{ status: number; json: Json }> {
  const response = await fetch(`${base}${route}`, { method, headers: admin, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  let json: Json = {};
  try {
    json = JSON.parse(text) as Json;
  } catch {
    json = { text };
  }
  return { status: response.status, json };
}
async function ok(method: string, route: string, body?: unknown, base?: string): Promise<Json> {
  const { status, json } = await api(method, route, body, base);
  expect(status, `${method} ${route}: ${JSON.stringify(json)}`).toBe(200);
  return json;
}

/** What a receiver does (Standard Webhooks): HMAC-SHA256 of id.timestamp.body under the secret's bytes. */
function verified(hit: Hit, key = secret): boolean {
  const expected = Buffer.from(`v1,${createHmac("sha256", Buffer.from(key.slice("whsec_".length), "base64")).update(`${hit.id}.${hit.timestamp}.${hit.body}`).digest("base64")}`);
  return hit.signature.split(" ").some((candidate) => candidate.length === expected.length && timingSafeEqual(Buffer.from(candidate), expected));
}
const events = (type: string) => hits.filter((hit) => JSON.parse(hit.body).type === type).map((hit) => ({ ...hit, payload: JSON.parse(hit.body) as Json }));
const template = (text: string) => JSON.stringify([{ role: "user", content: text }]);

test.beforeAll(async () => {
  test.setTimeout(180_000);
  receiverServer = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const answered = receiver.failAll ? 500 : (receiver.script.shift() ?? 200);
      hits.push({
        id: String(request.headers["webhook-id"]),
        timestamp: String(request.headers["webhook-timestamp"]),
        signature: String(request.headers["webhook-signature"]),
        body: Buffer.concat(chunks).toString("utf8"),
        answered,
      });
      response.statusCode = answered;
      response.end(answered === 200 ? "ok" : "try later");
    });
  });
  await new Promise<void>((resolve) => receiverServer.listen(0, "127.0.0.1", resolve));
  const receiverPort = (receiverServer.address() as AddressInfo).port;
  receiverUrl = `http://127.0.0.1:${receiverPort}/hooks`;
  dataDir = path.join(E2E.dataDir, `webhooks-own-${Date.now()}`);
  dbEnv = await ownPostgresSchema(`webhooks_${process.pid}`);
  serverEnv = {
    ...dbEnv,
    // Tests deliver to 127.0.0.1, which the outbound policy allows only when listed.
    PROMPTLY_ALLOWED_PROVIDER_HOSTS: `127.0.0.1:${E2E.mockPort},127.0.0.1:${receiverPort}`,
    PROMPTLY_WEBHOOK_RETRY_BASE_MS: "1500",
    PROMPTLY_WEBHOOK_POLL_MS: "200",
  };
  server = await startOwnServer(E2E.port + 10, dataDir, serverEnv);
  const created = await signUp(server.baseUrl, { name: "Hook Owner", email: "owner@webhooks.test", password: "owner-password-123" });
  expect(created.status).toBe(200);
  owner = created.context;
  editor = await acceptInvite(server.baseUrl, (await invite(owner, { role: "editor", email: "editor@webhooks.test" })).token, "editor@webhooks.test");
});

test.afterAll(async () => {
  for (const context of [owner, editor]) await context?.dispose();
  await server?.stop("SIGTERM");
  await new Promise((resolve) => receiverServer?.close(resolve));
});

test("an admin creates a webhook (secret shown once); an editor is refused; private URLs are refused", async () => {
  for (const [method, route] of [["GET", "/v1/webhooks"], ["POST", "/v1/webhooks"], ["GET", "/v1/audit-logs"]] as const) {
    const response = method === "GET" ? await editor.get(route) : await editor.post(route, { data: { name: "x", url: receiverUrl, events: ["label.moved"] } });
    expect(response.status(), `${method} ${route}`).toBe(403);
  }
  const refused = await api("POST", "/v1/webhooks", { name: "metadata", url: "http://169.254.169.254/latest/meta-data", events: ["label.moved"] });
  expect(refused.status).toBe(400);
  expect(refused.json.error.param).toBe("url");

  const created = await ok("POST", "/v1/webhooks", {
    name: "receiver",
    url: receiverUrl,
    events: ["version.created", "version.published", "label.moved", "partial.changed", "release.requested"],
  });
  expect(created.secret).toMatch(/^whsec_/);
  secret = created.secret;
  webhookId = created.id;
  expect((await ok("GET", `/v1/webhooks/${webhookId}`)).secret).toBeUndefined();
  expect(JSON.stringify(await ok("GET", "/v1/webhooks"))).not.toContain(secret);
});

test("changes arrive signed: a version, a label move, and a partial change naming the prompts that include it through another partial", async () => {
  const inner = await ok("POST", "/v1/prompts/partials", { name: "Hook inner", string: "be kind" });
  const outer = await ok("POST", "/v1/prompts/partials", { name: "Hook outer", string: `tone: {{>${inner.slug}}}` });
  const prompt = await ok("POST", "/v1/prompts", { name: "Hooked", string: template(`{{>${outer.slug}}} {{x}}`), parameters: { model: "gpt-4o-mini" } });
  await ok("PUT", `/v1/prompts/${prompt.id}`, { string: template(`{{>${outer.slug}}} v2 {{x}}`) });
  await ok("PUT", `/v1/prompts/${prompt.id}/versions/2`, { label_id: "staging" });
  await ok("PUT", `/v1/prompts/partials/${inner.id}`, { string: "be very kind" });

  await expect.poll(() => events("partial.changed").some((hit) => hit.payload.data.partial.id === inner.id && hit.payload.data.action === "partial.update")).toBe(true);
  await expect.poll(() => events("label.moved").length).toBeGreaterThan(0);
  await expect.poll(() => events("version.created").some((hit) => hit.payload.data.version === 2)).toBe(true);

  for (const hit of hits) expect(verified(hit), hit.body).toBe(true);
  const changed = events("partial.changed").find((hit) => hit.payload.data.partial.id === inner.id && hit.payload.data.action === "partial.update")!;
  expect(changed.payload.data.prompts).toEqual([prompt.slug]);
  expect(changed.id).toBe(changed.payload.id);
  const moved = events("label.moved").at(-1)!;
  expect(moved.payload.data).toMatchObject({ label: "staging", to_version: 2, via: "direct" });
  expect(moved.payload.data.actor).toMatch(/^API key /);
});

test("a delivery answered 500 is retried under the same event id; the log shows it; redeliver sends it again", async () => {
  receiver.script.push(500);
  const { event_id } = await ok("POST", `/v1/webhooks/${webhookId}/ping`);
  await expect.poll(() => hits.filter((hit) => hit.id === event_id).map((hit) => hit.answered), { timeout: 20_000 }).toEqual([500, 200]);
  const log = (await ok("GET", `/v1/webhooks/${webhookId}/deliveries`)).data as Json[];
  const delivery = log.find((row) => row.event_id === event_id)!;
  expect(delivery).toMatchObject({ event_type: "webhook.ping", status: "succeeded", attempts: 2, response_code: 200 });
  await ok("POST", `/v1/webhooks/${webhookId}/deliveries/${delivery.id}/redeliver`);
  await expect.poll(() => hits.filter((hit) => hit.id === event_id).length).toBe(3);
});

test("every action left an audit row: who, what, target, before/after, IP; filterable; JSONL export", async () => {
  const all = (await ok("GET", "/v1/audit-logs?limit=500")).data as Json[];
  const actions = new Set(all.map((row) => row.action));
  for (const action of ["invite.create", "webhook.create", "partial.create", "prompt.create", "version.create", "label.move", "partial.update"]) expect(actions, action).toContain(action);
  const invited = all.find((row) => row.action === "invite.create")!;
  expect(invited).toMatchObject({ actor: "owner@webhooks.test", ip: "127.0.0.1", target_type: "invite" });
  const version = all.find((row) => row.action === "version.create")!;
  expect(version.actor).toMatch(/^API key /);
  expect(version.after.version).toBe(2);
  expect(JSON.stringify(all)).not.toContain(secret.slice("whsec_".length));

  const filtered = (await ok("GET", "/v1/audit-logs?action=label.move")).data as Json[];
  expect(filtered.length).toBeGreaterThan(0);
  expect(filtered.every((row) => row.action === "label.move")).toBe(true);
  const exported = await fetch(`${server.baseUrl}/v1/audit-logs/export?target_type=partial`, { headers: admin });
  expect(exported.headers.get("content-type")).toContain("application/x-ndjson");
  const lines = (await exported.text()).trim().split("\n").map((line) => JSON.parse(line) as Json);
  expect(lines.length).toBeGreaterThanOrEqual(3);
  expect(lines.every((line) => line.target_type === "partial")).toBe(true);
});

test("a restart mid-retry: the next server on the same database delivers the event, once", async () => {
  test.setTimeout(120_000);
  receiver.failAll = true;
  const { event_id } = await ok("POST", `/v1/webhooks/${webhookId}/ping`);
  // The first attempt failed and the retry waits in the outbox.
  await expect.poll(async () => ((await ok("GET", `/v1/webhooks/${webhookId}/deliveries`)).data as Json[]).find((row) => row.event_id === event_id)?.attempts ?? 0, { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
  await server.stop("SIGTERM");
  receiver.failAll = false;
  server = await startOwnServer(E2E.port + 11, dataDir, serverEnv);
  await expect.poll(() => hits.filter((hit) => hit.id === event_id && hit.answered === 200).length, { timeout: 30_000 }).toBe(1);
  const delivery = ((await ok("GET", `/v1/webhooks/${webhookId}/deliveries`)).data as Json[]).find((row) => row.event_id === event_id)!;
  expect(delivery).toMatchObject({ status: "succeeded", response_code: 200 });
  // Succeeded is final: however long we look, the event is not sent again.
  expect(hits.filter((hit) => hit.id === event_id && hit.answered === 200)).toHaveLength(1);
  expect(hits.filter((hit) => hit.id === event_id).every((hit) => verified(hit))).toBe(true);
});
