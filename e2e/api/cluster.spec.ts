import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { E2E } from "../support/env";
import { mock } from "../support/mock";
import { migrate, ownPostgresSchema, readRows, startOwnServer, type OwnServer } from "../support/own-server";

/**
 * PROMPTLY_WORKERS=2: one server, two worker processes on one port (scripts/server.mjs,
 * server/cluster-primary.ts), on whichever database the suite runs on. Every call here goes
 * on a connection of its own, which node:cluster hands to the workers in turn, and the
 * x-promptly-worker header (PROMPTLY_WORKER_HEADER=1) says which one answered: the tests show
 * both took part.
 */
test.describe.configure({ mode: "serial" });

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
interface Answer {
  status: number;
  worker: string;
  json: Json;
}

const PORT = E2E.port + 30;
const OLD_LOGS = 250;
const admin = { "x-portkey-api-key": E2E.apiKey };
const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const chat = (content: string) => JSON.stringify([{ role: "user", content }]);

let server: OwnServer;
let dataDir = "";
let receiver: http.Server;
let receiverPort = 0;
let pgSchema = "";
const hooks: string[] = [];

/** One request on a connection of its own (no keep-alive), so the primary picks its worker afresh. */
function call(method: string, route: string, body?: unknown, headers: Record<string, string> = admin): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const request = http.request(`${server.baseUrl}${route}`, { method, agent: false, headers: { ...headers, ...(payload ? { "content-type": "application/json" } : {}) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let json: Json = {};
        try {
          json = text ? (JSON.parse(text) as Json) : {};
        } catch {
          json = { text };
        }
        resolve({ status: response.statusCode ?? 0, worker: String(response.headers["x-promptly-worker"] ?? ""), json });
      });
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end(payload);
  });
}

async function ok(method: string, route: string, body?: unknown): Promise<Json> {
  const answer = await call(method, route, body);
  expect(answer.status, `${method} ${route}: ${JSON.stringify(answer.json)}`).toBe(200);
  return answer.json;
}

/** The workers' pids: the primary's children (Linux). */
function workerPids(): number[] {
  const pid = server.process.pid!;
  const text = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim();
  return text ? text.split(/\s+/).map(Number) : [];
}

/** Waits until `count` different workers answer /api/health. */
async function workersServing(count: number): Promise<Set<string>> {
  const seen = new Set<string>();
  while (seen.size < count) {
    const answer = await call("GET", "/api/health").catch(() => null);
    if (answer?.status === 200 && answer.worker) seen.add(answer.worker);
    else await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return seen;
}

const serverLog = () => fs.readFileSync(path.join(dataDir, "server.log"), "utf8");
const leadLines = () => [...serverLog().matchAll(/\[promptly\] worker (\d+) \(pid (\d+)\) seeds the database and runs the background jobs/g)].map((m) => ({ worker: m[1], pid: Number(m[2]) }));

/** Log rows of a prompt, read from the database itself (the server may be down). */
async function logCount(promptId: string): Promise<number> {
  if (!pgSchema) return readRows<{ n: number }>(server.dbFile, `SELECT count(*) AS n FROM "completion_log" WHERE "promptId" = ?`, promptId)[0].n;
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: E2E.databaseUrl });
  await client.connect();
  try {
    return (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${pgSchema}"."completion_log" WHERE "promptId" = $1`, [promptId])).rows[0].n;
  } finally {
    await client.end();
  }
}

/** Logs ten days old, written before the server starts: retention (1 day) deletes them. */
async function seedOldLogs(dbEnv: Record<string, string>): Promise<void> {
  const old = new Date(Date.now() - 10 * 86_400_000);
  if (dbEnv.DATABASE_URL) {
    const url = new URL(dbEnv.DATABASE_URL);
    const schema = url.searchParams.get("schema")!;
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: E2E.databaseUrl });
    await client.connect();
    for (let i = 0; i < OLD_LOGS; i++) {
      await client.query(`INSERT INTO "${schema}"."completion_log" ("id", "traceId", "status", "createdAt") VALUES ($1, $2, 'success', $3)`, [`old-${i}`, `trace-old-${i}`, old]);
    }
    await client.end();
    return;
  }
  const dbFile = path.join(dataDir, "own.db");
  migrate(dbFile);
  const sqlite = new Database(dbFile);
  const insert = sqlite.prepare(`INSERT INTO "completion_log" ("id", "traceId", "status", "createdAt") VALUES (?, ?, 'success', ?)`);
  sqlite.transaction(() => {
    for (let i = 0; i < OLD_LOGS; i++) insert.run(`old-${i}`, `trace-old-${i}`, old.toISOString().replace("Z", "+00:00"));
  })();
  sqlite.close();
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  receiver = http.createServer((request, response) => {
    hooks.push(String(request.headers["webhook-id"]));
    request.resume();
    request.on("end", () => response.end("ok"));
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverPort = (receiver.address() as AddressInfo).port;
  dataDir = path.join(E2E.dataDir, `cluster-own-${Date.now()}`);
  fs.mkdirSync(dataDir, { recursive: true });
  const dbEnv = await ownPostgresSchema(`cluster_${process.pid}`);
  pgSchema = dbEnv.DATABASE_URL ? new URL(dbEnv.DATABASE_URL).searchParams.get("schema")! : "";
  await seedOldLogs(dbEnv);
  server = await startOwnServer(PORT, dataDir, {
    ...dbEnv,
    PROMPTLY_WORKERS: "2",
    PROMPTLY_WORKER_HEADER: "1",
    PROMPTLY_ALLOWED_PROVIDER_HOSTS: `127.0.0.1:${E2E.mockPort},127.0.0.1:${receiverPort}`,
    PROMPTLY_WEBHOOK_POLL_MS: "200",
    PROMPTLY_LOG_RETENTION_DAYS: "1",
    PROMPTLY_LOG_RETENTION_START_DELAY_MS: "3000",
    PROMPTLY_STATS_FILE: path.join(dataDir, "stats-{pid}.json"),
  });
  expect(await workersServing(2)).toEqual(new Set(["1", "2"]));
  hooks.length = 0;
});

test.afterAll(async () => {
  await mock.setDefault(null).catch(() => undefined);
  if (server) expect((await server.stop("SIGTERM")).code).toBe(143);
  await new Promise((resolve) => receiver?.close(resolve));
});

test("one process of the two seeds the database and runs the background jobs: old logs are deleted once", async () => {
  expect(workerPids()).toHaveLength(2);
  expect(leadLines()).toHaveLength(1);
  await expect.poll(() => serverLog().match(/log retention: deleted \d+ log row/g)?.length ?? 0, { timeout: 30_000 }).toBe(1);
  expect(serverLog()).toContain(`log retention: deleted ${OLD_LOGS} log row(s)`);
});

test("a key's rate limit is one limit across the workers: its next call is refused whichever worker takes it", async () => {
  const prompt = await ok("POST", "/v1/prompts", { name: `limited ${stamp()}`, string: chat("hello"), parameters: { model: "gpt-4o-mini" } });
  const { key } = await ok("POST", "/v1/api-keys", { name: `limited ${stamp()}`, scope: "completions", rate_limit_per_minute: 6 });
  const limited = { "x-portkey-api-key": key as string };
  const allowed: Answer[] = [];
  for (let i = 0; i < 6; i++) allowed.push(await call("POST", `/v1/prompts/${prompt.id}/render`, { variables: {} }, limited));
  expect(allowed.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 200]);
  expect(new Set(allowed.map((answer) => answer.worker))).toEqual(new Set(["1", "2"]));
  const refused: Answer[] = [];
  for (let i = 0; i < 4; i++) refused.push(await call("POST", `/v1/prompts/${prompt.id}/render`, { variables: {} }, limited));
  expect(refused.map((answer) => answer.status)).toEqual([429, 429, 429, 429]);
  expect(new Set(refused.map((answer) => answer.worker))).toEqual(new Set(["1", "2"]));
  expect(refused[0].json.error.code).toBe("rate_limit_exceeded");
});

test("a version published through one worker is served by every worker from the next request on", async () => {
  const prompt = await ok("POST", "/v1/prompts", { name: `cached ${stamp()}`, string: chat("v1"), parameters: { model: "gpt-4o-mini" } });
  const render = () => call("POST", `/v1/prompts/${prompt.id}/render`, { variables: {} });
  const warm = await Promise.all([render(), render(), render(), render()]);
  expect(new Set(warm.map((answer) => answer.worker))).toEqual(new Set(["1", "2"]));
  const readers = new Set<string>();
  const writers = new Set<string>();
  for (let version = 2; version <= 7; version++) {
    writers.add((await call("PUT", `/v1/prompts/${prompt.id}`, { string: chat(`v${version}`), patch: true })).worker);
    const published = await call("PUT", `/v1/prompts/${prompt.id}/makeDefault`, { version });
    expect(published.status).toBe(200);
    writers.add(published.worker);
    for (const answer of [await render(), await render()]) {
      expect(answer.json.data.messages[0].content, `worker ${answer.worker} after v${version}`).toBe(`v${version}`);
      readers.add(answer.worker);
    }
  }
  expect(readers).toEqual(new Set(["1", "2"]));
  expect(writers).toEqual(new Set(["1", "2"]));
});

test("an analytics read counts the calls every worker answered before it, at once", async () => {
  const marker = stamp();
  const virtualKey = await ok("POST", "/v1/virtual-keys", { name: `analytics ${marker}`, provider: "openai", key: "sk-mock-secret-for-tests", custom_host: `${E2E.mockUrl}/v1` });
  const prompt = await ok("POST", "/v1/prompts", { name: `analytics ${marker}`, string: chat(`${marker} {{q}}`), parameters: { model: "gpt-4o-mini" }, virtual_key: virtualKey.slug });
  const window = `time_of_generation_min=${new Date(Date.now() - 3_600_000).toISOString()}&time_of_generation_max=${new Date(Date.now() + 3_600_000).toISOString()}`;
  for (let round = 1; round <= 3; round++) {
    const answered = await Promise.all([0, 1, 2, 3].map((i) => call("POST", `/v1/prompts/${prompt.id}/completions`, { variables: { q: `${round}-${i}` } })));
    expect(answered.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
    expect(new Set(answered.map((answer) => answer.worker))).toEqual(new Set(["1", "2"]));
    // No waiting: the rows queued in both workers (and their rollups) are written before the read.
    const [first, second] = [await call("GET", `/v1/analytics/graphs/requests?prompt_slug=${prompt.slug}&${window}`), await call("GET", `/v1/analytics/graphs/requests?prompt_slug=${prompt.slug}&${window}`)];
    expect(first.worker).not.toBe(second.worker);
    for (const read of [first, second]) expect(read.json.summary, `read on worker ${read.worker}`).toEqual({ total: 4 * round });
  }
});

test("an experiment's cases each run once, and a webhook is delivered once, with two workers", async () => {
  const marker = stamp();
  await mock.reset();
  const virtualKey = await ok("POST", "/v1/virtual-keys", { name: `mock ${marker}`, provider: "openai", key: "sk-mock-secret-for-tests", custom_host: `${E2E.mockUrl}/v1` });
  const prompt = await ok("POST", "/v1/prompts", { name: `exp ${marker}`, string: chat(`${marker} {{q}}`), parameters: { model: "gpt-4o-mini" }, virtual_key: virtualKey.slug });
  const items = Array.from({ length: 12 }, (_, i) => ({ variables: { q: `item-${i}` } }));
  const dataset = await ok("POST", "/v1/datasets", { name: `set ${marker}`, items });
  const experiment = await ok("POST", "/v1/experiments", { name: `run ${marker}`, dataset_id: dataset.id, targets: [{ prompt: prompt.id }], concurrency: 3 });
  await expect.poll(async () => (await ok("GET", `/v1/experiments/${experiment.id}`)).status, { timeout: 30_000 }).toBe("completed");
  const calls = (await mock.requests()).filter((request) => JSON.stringify(request.body).includes(marker));
  expect(calls).toHaveLength(12);
  expect(new Set(calls.map((request) => JSON.stringify(request.body))).size).toBe(12);

  const webhook = await ok("POST", "/v1/webhooks", { name: `hook ${marker}`, url: `http://127.0.0.1:${receiverPort}/hooks`, events: ["label.moved"] });
  const pings: string[] = [];
  for (let i = 0; i < 4; i++) pings.push((await ok("POST", `/v1/webhooks/${webhook.id}/ping`)).event_id as string);
  await expect.poll(async () => ((await ok("GET", `/v1/webhooks/${webhook.id}/deliveries`)).data as Json[]).filter((row) => row.status === "succeeded").length).toBe(4);
  const deliveries = (await ok("GET", `/v1/webhooks/${webhook.id}/deliveries`)).data as Json[];
  expect(deliveries.map((row) => row.attempts)).toEqual([1, 1, 1, 1]);
  for (const id of pings) expect(hooks.filter((hook) => hook === id), id).toHaveLength(1);
});

test("a killed worker is replaced while the other goes on answering, its call in flight included", async () => {
  const [lead] = leadLines();
  const marker = stamp();
  const virtualKey = await ok("POST", "/v1/virtual-keys", { name: `kill ${marker}`, provider: "openai", key: "sk-mock-secret-for-tests", custom_host: `${E2E.mockUrl}/v1` });
  const prompt = await ok("POST", "/v1/prompts", { name: `kill ${marker}`, string: chat(`${marker} slow`), parameters: { model: "gpt-4o-mini" }, virtual_key: virtualKey.slug });
  await mock.reset();
  await mock.setDefault({ stallMs: 1_500 });
  // Two slow calls, one per worker; the lead is killed while both are in flight.
  const slow = [0, 1].map(() => call("POST", `/v1/prompts/${prompt.id}/completions`, { variables: {} }).catch((error: Error) => error));
  await expect.poll(async () => (await mock.requests()).filter((request) => JSON.stringify(request.body).includes(marker)).length).toBe(2);
  process.kill(lead.pid, "SIGKILL");
  const answers = await Promise.all(slow);
  await mock.setDefault(null);
  const answered = answers.filter((answer): answer is Answer => !(answer instanceof Error));
  expect(answered.length).toBeGreaterThanOrEqual(1);
  for (const answer of answered) {
    expect(answer.worker).not.toBe(lead.worker);
    expect(answer.status).toBe(200);
  }
  // Meanwhile every request is answered (by the survivor), and a new lead starts.
  for (let i = 0; i < 5; i++) expect((await call("GET", "/api/health")).status).toBe(200);
  await expect.poll(() => leadLines().length, { timeout: 60_000 }).toBe(2);
  const replacement = leadLines()[1];
  expect(replacement.pid).not.toBe(lead.pid);
  expect(workerPids()).toContain(replacement.pid);
  expect(workerPids()).not.toContain(lead.pid);
  const serving = await workersServing(2);
  expect(serving).toContain(replacement.worker);
  expect(serving).not.toContain(lead.worker);
});

test("SIGUSR2 to the primary starts a new stats window in every worker, and the server goes on", async () => {
  const statsOf = (pid: number) => {
    try {
      return JSON.parse(fs.readFileSync(path.join(dataDir, `stats-${pid}.json`), "utf8")) as { current: { seq: number } };
    } catch {
      return null;
    }
  };
  const pids = workerPids();
  expect(pids).toHaveLength(2);
  await expect.poll(() => pids.every((pid) => statsOf(pid) !== null)).toBe(true);
  const before = pids.map((pid) => statsOf(pid)!.current.seq);
  process.kill(server.process.pid!, "SIGUSR2");
  await expect.poll(() => pids.map((pid) => statsOf(pid)?.current.seq)).toEqual(before.map((seq) => seq + 1));
  expect(server.process.exitCode).toBeNull();
  for (let i = 0; i < 3; i++) expect((await call("GET", "/api/health")).status).toBe(200);
});

test("SIGTERM to the primary alone: the calls in flight on both workers finish and are logged, then it exits 143", async () => {
  const marker = stamp();
  const virtualKey = await ok("POST", "/v1/virtual-keys", { name: `stop ${marker}`, provider: "openai", key: "sk-mock-secret-for-tests", custom_host: `${E2E.mockUrl}/v1` });
  const prompt = await ok("POST", "/v1/prompts", { name: `stop ${marker}`, string: chat(`${marker} {{q}}`), parameters: { model: "gpt-4o-mini" }, virtual_key: virtualKey.slug });
  await workersServing(2);
  await mock.reset();
  await mock.setDefault({ stallMs: 1_500 });
  const slow = [0, 1, 2, 3].map((i) => call("POST", `/v1/prompts/${prompt.id}/completions`, { variables: { q: `q${i}` } }));
  await expect.poll(async () => (await mock.requests()).filter((request) => JSON.stringify(request.body).includes(marker)).length).toBe(4);
  process.kill(server.process.pid!, "SIGTERM");
  const answers = await Promise.all(slow);
  expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
  expect(new Set(answers.map((answer) => answer.worker)).size).toBe(2);
  expect((await server.exited).code).toBe(143);
  await mock.setDefault(null);
  expect(await logCount(prompt.id)).toBe(4);
});
