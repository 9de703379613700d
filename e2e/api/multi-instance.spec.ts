import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { E2E } from "../support/env";

// Several instances behind a load balancer on one PostgreSQL: this file starts two more
// servers itself (`node scripts/start.mjs`, as `npm start` does) on TEST_DATABASE_URL and
// drives them directly. Without a PostgreSQL to share there is nothing to test: skipped.
const databaseUrl = process.env.TEST_DATABASE_URL ?? "";
const PORTS = [E2E.port + 20, E2E.port + 21];
const TEMPLATE = (text: string) => JSON.stringify([{ role: "user", content: text }]);
type Json = Record<string, unknown>;

test.skip(!/^postgres(ql)?:\/\//.test(databaseUrl), "set TEST_DATABASE_URL=postgresql://... to run the multi-instance tests");

const servers: ChildProcess[] = [];
const [A, B] = PORTS.map((port) => `http://127.0.0.1:${port}`);

// Plain fetch, not the SDK: the test must name the instance of every call.
async function api(base: string, method: string, route: string, body?: unknown): Promise<Json> {
  const response = await fetch(`${base}/v1${route}`, {
    method,
    headers: { "x-portkey-api-key": E2E.apiKey, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json()) as Json;
  if (!response.ok) throw new Error(`${method} ${route} on ${base}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

async function rendered(base: string, ref: string): Promise<string> {
  const result = await api(base, "POST", `/prompts/${ref}/render`, { variables: {} });
  return (result.data as { messages: { content: string }[] }).messages[0].content;
}

async function healthy(base: string, child: ChildProcess, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server for ${base} exited (${child.exitCode}): see its log in test-results`);
    const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${base} did not become healthy`);
}

test.beforeAll(async ({}, testInfo) => {
  testInfo.setTimeout(600_000); // a build, should the sources have changed since the suite's own
  const deadline = Date.now() + 590_000;
  for (const port of PORTS) {
    const dataDir = path.resolve(`test-results/e2e-data-${port}`);
    fs.mkdirSync(dataDir, { recursive: true });
    const log = fs.openSync(path.join(dataDir, "server.log"), "w");
    // Same secret on every instance, as in production: sessions and stored provider keys
    // must be readable by whichever instance gets the request.
    const env = { ...process.env, ...E2E.serverEnv, PORT: String(port), DATABASE_URL: databaseUrl, PROMPTLY_DATA_DIR: dataDir };
    servers.push(spawn(process.execPath, ["scripts/start.mjs"], { env, stdio: ["ignore", log, log] }));
  }
  await Promise.all([A, B].map((base, i) => healthy(base, servers[i], deadline)));
});

test.afterAll(async () => {
  await Promise.all(
    servers.map((child) => new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    })),
  );
});

test("a version published through instance A is served by instance B on the very next request", async () => {
  const created = await api(A, "POST", "/prompts", { name: `multi ${Date.now().toString(36)}`, string: TEMPLATE("v1"), parameters: { model: "gpt-4o-mini" } });
  const id = String(created.id);
  for (const base of [B, B, A]) expect(await rendered(base, id)).toBe("v1"); // both caches warm
  for (let version = 2; version <= 6; version++) {
    await api(A, "PUT", `/prompts/${id}`, { string: TEMPLATE(`v${version}`), patch: true });
    await api(A, "PUT", `/prompts/${id}/makeDefault`, { version });
    expect(await rendered(B, id)).toBe(`v${version}`);
  }
  // A label moved through B is seen by A at once too.
  const labels = (await api(B, "GET", "/labels")).data as { id: string; name: string }[];
  const staging = labels.find((label) => label.name === "staging")!;
  for (const version of [3, 5]) {
    expect(await rendered(A, `${id}@staging`).catch(() => "none")).not.toBe(`v${version}`);
    const versions = (await api(B, "GET", `/prompts/${id}/versions`)) as unknown as { id: string; prompt_version: number }[];
    await api(B, "PUT", `/prompts/${id}/versions/${versions.find((v) => v.prompt_version === version)!.id}`, { label_id: staging.id });
    expect(await rendered(A, `${id}@staging`)).toBe(`v${version}`);
  }
});

test("64 concurrent saves split across both instances get 64 distinct, contiguous versions", async () => {
  const created = await api(A, "POST", "/prompts", { name: `race ${Date.now().toString(36)}`, string: TEMPLATE("v1"), parameters: {} });
  const id = String(created.id);
  const saves = await Promise.all(
    Array.from({ length: 64 }, (_, i) => api(i % 2 ? B : A, "PUT", `/prompts/${id}`, { string: TEMPLATE(`save ${i}`), patch: true })),
  );
  expect(new Set(saves.map((save) => save.prompt_version_id)).size).toBe(64);
  const versions = (await api(B, "GET", `/prompts/${id}/versions`)) as unknown as { prompt_version: number }[];
  expect(versions.map((v) => v.prompt_version).sort((x, y) => x - y)).toEqual(Array.from({ length: 65 }, (_, i) => i + 1));
});

test("a key revoked through instance A is refused by instance B on the very next request", async () => {
  const created = await api(A, "POST", "/prompts", { name: `revoke ${Date.now().toString(36)}`, string: TEMPLATE("hi"), parameters: { model: "gpt-4o-mini" } });
  const key = (await api(A, "POST", "/api-keys", { name: "multi revoke", scope: "admin" })) as { id: string; key: string };
  const asKey = (method: string, route: string, body?: unknown) =>
    fetch(`${B}/v1${route}`, { method, headers: { "x-portkey-api-key": key.key, "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  // B caches the key, on its fast path (render) and in Next (admin routes).
  for (let i = 0; i < 2; i++) {
    expect((await asKey("POST", `/prompts/${created.id}/render`, { variables: {} })).status).toBe(200);
    expect((await asKey("GET", "/prompts")).status).toBe(200);
  }
  await api(A, "DELETE", `/api-keys/${key.id}`);
  for (const [method, route, body] of [["POST", `/prompts/${created.id}/render`, { variables: {} }], ["GET", "/prompts", undefined]] as const) {
    const response = await asKey(method, route, body);
    const envelope = (await response.json()) as { status?: string; error?: { type?: string } };
    expect(response.status, `${method} ${route} on B`).toBe(401);
    expect(envelope).toMatchObject({ status: "failure", error: { type: "authentication_error" } });
  }
});
