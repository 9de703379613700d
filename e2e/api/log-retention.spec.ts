import { expect, test } from "@playwright/test";
import { E2E } from "../support/env";

// Settings → Logs through the API: the retention setting round-trips over the environment's
// default, the log count and the database size are reported, and only settings callers change it.
// (Which rows retention deletes is proven on the library: lib/logs/retention.test.ts.)
test.describe.configure({ mode: "serial" });
const admin = { "x-portkey-api-key": E2E.apiKey, "content-type": "application/json" };

async function api<T>(method: string, body?: unknown, headers: Record<string, string> = admin): Promise<{ status: number; body: T }> {
  const response = await fetch(`${E2E.baseUrl}/v1/settings/logs`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as T };
}

interface LogSettings {
  retention_days: number;
  retention_source: string;
  environment_retention_days: number;
  log_bodies: string;
  log_count: number;
  database: string;
  database_bytes: number | null;
}

test("the retention setting round-trips and falls back to the default when cleared", async () => {
  const initial = await api<LogSettings>("GET");
  expect(initial.status).toBe(200);
  expect(initial.body).toMatchObject({ retention_days: 0, retention_source: "default", environment_retention_days: 0, log_bodies: "full" });
  expect(initial.body.log_count).toBeGreaterThanOrEqual(0);
  expect(initial.body.database).toBe(E2E.databaseUrl.startsWith("file:") ? "sqlite" : "postgres");
  expect(initial.body.database_bytes).toBeGreaterThan(0);

  expect((await api<LogSettings>("PUT", { retention_days: 7 })).body).toMatchObject({ retention_days: 7, retention_source: "setting" });
  expect((await api<LogSettings>("GET")).body).toMatchObject({ retention_days: 7, retention_source: "setting" });
  expect((await api<LogSettings>("PUT", { retention_days: 0 })).body).toMatchObject({ retention_days: 0, retention_source: "setting" });
  expect((await api<LogSettings>("PUT", { retention_days: null })).body).toMatchObject({ retention_days: 0, retention_source: "default" });
});

test("the log count follows the logs", async () => {
  const before = (await api<LogSettings>("GET")).body.log_count;
  const logged = await fetch(`${E2E.baseUrl}/v1/logs`, { method: "POST", headers: admin, body: JSON.stringify({ request: { url: "https://x.test", body: {} }, response: { status: 200, body: {} } }) });
  expect(logged.status).toBe(200);
  expect((await api<LogSettings>("GET")).body.log_count).toBeGreaterThan(before);
});

test("bad values are refused in the error envelope; a run-only key may not read or change it", async () => {
  for (const body of [{ retention_days: -1 }, { retention_days: 1.5 }, { retention_days: "7" }, {}, { retention_days: 7, extra: true }]) {
    const answer = await api<{ status: string }>("PUT", body);
    expect(answer.status, JSON.stringify(body)).toBe(400);
    expect(answer.body.status).toBe("failure");
  }
  const created = await fetch(`${E2E.baseUrl}/v1/api-keys`, { method: "POST", headers: admin, body: JSON.stringify({ name: `retention run ${Date.now()}`, scope: "completions" }) });
  const runKey = ((await created.json()) as { key: string }).key;
  const runOnly = { "x-portkey-api-key": runKey, "content-type": "application/json" };
  expect((await api("GET", undefined, runOnly)).status).toBe(403);
  expect((await api("PUT", { retention_days: 1 }, runOnly)).status).toBe(403);
  expect((await api<LogSettings>("GET")).body.retention_days).toBe(0);
});
