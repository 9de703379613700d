import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { signUp } from "../support/accounts";
import { E2E } from "../support/env";
import { mock } from "../support/mock";
import { readRows, startOwnServer, type OwnServer } from "../support/own-server";

// A provider key given to a virtual key never comes back out. On a
// server of this file's own, so that its whole stdout/stderr (server.log) and its database
// can be searched: completions that succeed and fail (the provider even quotes the key in
// its error, as OpenAI's 401 does), every admin API answer, the logs API, every table.
test.describe.configure({ mode: "serial" });

const SECRET = `sk-e2e-secret-${Date.now().toString(36)}-do-not-leak`;
let server: OwnServer;
let dataDir: string;
let owner: APIRequestContext;
const seen: string[] = []; // every answer (status, headers, body) the server gave

async function call(method: string, route: string, body?: unknown, headers: Record<string, string> = { "x-portkey-api-key": E2E.apiKey }) {
  const response = await fetch(`${server.baseUrl}${route}`, {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  seen.push(`${method} ${route} ${response.status} ${JSON.stringify([...response.headers])}\n${text}`);
  return { status: response.status, text, json: () => JSON.parse(text) as Record<string, unknown> };
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dataDir = path.join(E2E.dataDir, `secrets-own-${Date.now()}`);
  server = await startOwnServer(E2E.port + 32, dataDir);
  const created = await signUp(server.baseUrl, { name: "Secret Owner", email: "owner@secrets.test", password: "owner-password-123" });
  expect(created.status).toBe(200);
  owner = created.context;
});

test.afterAll(async () => {
  await owner?.dispose();
  await server?.stop("SIGTERM");
});

test("the provider key appears in no response, log row, table or server log line", async () => {
  test.setTimeout(120_000);
  await mock.reset();
  const vk = await call("POST", "/v1/virtual-keys", { name: "Leaky", provider: "openai", key: SECRET, custom_host: `${E2E.mockUrl}/v1` });
  expect(vk.status).toBe(200);
  const slug = String(vk.json().slug);
  const template = JSON.stringify([{ role: "user", content: "Say {{word}}" }]);
  const ok = (await call("POST", "/v1/prompts", { name: "Secrets ok", string: template, parameters: { model: "gpt-4o-mini" }, virtual_key: slug })).json();
  const failing = (await call("POST", "/v1/prompts", { name: "Secrets failing", string: template, parameters: { model: "mock-error-500" }, virtual_key: slug })).json();

  // Success, JSON and SSE, with an API key and with the session (the playground's way).
  expect((await call("POST", `/v1/prompts/${ok.id}/completions`, { variables: { word: "hi" } })).status).toBe(200);
  expect((await call("POST", `/v1/prompts/${ok.id}/completions`, { variables: { word: "hi" }, stream: true })).status).toBe(200);
  const viaSession = await owner.post(`/v1/prompts/${ok.id}/completions`, { data: { variables: { word: "hi" } } });
  seen.push(await viaSession.text());
  expect(viaSession.status()).toBe(200);
  // Provider errors: a 500, and a 401 whose message quotes the key it was sent.
  expect((await call("POST", `/v1/prompts/${failing.id}/completions`, { variables: { word: "x" } })).status).toBe(500);
  expect((await call("POST", `/v1/prompts/${failing.id}/completions`, { variables: { word: "x" }, stream: true })).status).toBe(500);
  await mock.enqueue({ status: 401, errorMessage: `Incorrect API key provided: ${SECRET}. You can find your API key at https://example.test.` });
  const quoted = await call("POST", `/v1/prompts/${ok.id}/completions`, { variables: { word: "x" } });
  expect(quoted.status).toBe(401);
  expect(quoted.text).toContain("[redacted]");
  expect((await call("POST", `/v1/prompts/${ok.id}/render`, { variables: { word: "x" } })).status).toBe(200);
  // The test is only worth something if the key really went to the provider.
  const sent = await mock.requests();
  expect(sent.some((request) => request.headers.authorization === `Bearer ${SECRET}`)).toBe(true);

  // Every admin answer: lists, details, logs (API key and session alike).
  await new Promise((resolve) => setTimeout(resolve, 1500)); // log rows are written in batches
  const logs = (await call("GET", "/v1/logs?limit=100")).json() as { data: { id: string }[] };
  expect(logs.data.length).toBeGreaterThanOrEqual(6);
  const details = [];
  for (const row of logs.data) details.push((await call("GET", `/v1/logs/${row.id}`)).json() as { status: string; error: string | null });
  // The failure is logged with the provider's words, the key cut out of them.
  expect(details.some((row) => row.status === "error" && row.error?.includes("Incorrect API key provided: [redacted]"))).toBe(true);
  const reads = [
    "/v1/virtual-keys",
    `/v1/virtual-keys/${slug}`,
    "/v1/prompts",
    `/v1/prompts/${ok.id}`,
    `/v1/prompts/${ok.id}/versions`,
    `/v1/prompts/${failing.id}`,
    "/v1/prompts/partials",
    "/v1/labels",
    "/v1/collections",
    "/v1/providers",
    "/v1/api-keys",
  ];
  for (const route of reads) expect((await call("GET", route)).status, route).toBe(200);
  for (const route of [...reads, "/v1/members", "/v1/invites", "/v1/logs"]) {
    const answer = await owner.get(route);
    expect(answer.status(), route).toBe(200);
    seen.push(await answer.text());
  }
  expect(seen.length).toBeGreaterThan(30);
  for (const answer of seen) expect(answer).not.toContain(SECRET);

  // Every row of every table (the secret is stored encrypted, never in clear).
  const tables = readRows<{ name: string }>(server.dbFile, "SELECT name FROM sqlite_master WHERE type = 'table'");
  expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(["completion_log", "virtual_key"]));
  for (const { name } of tables) {
    const rows = readRows<Record<string, unknown>>(server.dbFile, `SELECT * FROM "${name}"`);
    expect(JSON.stringify(rows), `table ${name}`).not.toContain(SECRET);
  }
  expect(readRows(server.dbFile, "SELECT id FROM completion_log").length).toBeGreaterThanOrEqual(6);

  // The server's own output, after it stopped (queued log rows written, buffers flushed).
  await server.stop("SIGTERM");
  const log = fs.readFileSync(path.join(dataDir, "server.log"), "utf8");
  expect(log.length).toBeGreaterThan(0);
  expect(log).not.toContain(SECRET);
  // And the files on disk: the database with its write-ahead log, the master key's folder.
  for (const file of fs.readdirSync(dataDir)) {
    const full = path.join(dataDir, file);
    if (fs.statSync(full).isFile()) expect(fs.readFileSync(full).includes(SECRET), file).toBe(false);
  }
});
