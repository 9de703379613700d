import { beforeAll, describe, expect, it } from "vitest";
import * as logsRoute from "@/app/v1/logs/route";
import * as logRoute from "@/app/v1/logs/[id]/route";
import { createApiKey } from "@/lib/auth/api-keys";
import { db } from "@/lib/core/db";
import { getLog, listLogs } from "./queries";
import { listLogsQuerySchema } from "./schemas";

const base = Date.parse("2025-03-01T12:00:00.000Z");
const at = (minutes: number) => new Date(base + minutes * 60_000);
const query = (params: Record<string, string> = {}) => listLogsQuerySchema.parse(params);

beforeAll(async () => {
  const row = (i: number, extra: Record<string, unknown>) => ({
    id: `log-${String(i).padStart(2, "0")}`,
    traceId: `trace-${i}`,
    status: "success",
    createdAt: at(i),
    ...extra,
  });
  await db.completionLog.createMany({
    data: [
      ...Array.from({ length: 10 }, (_, i) => row(i, { promptId: "p-alpha", promptSlug: "pp-alpha-000001", promptVersion: 1 })),
      row(10, { promptId: "p-beta", promptSlug: "pp-beta-000002", status: "error", httpStatus: 500, error: "mock error" }),
      row(11, { promptId: "p-beta", promptSlug: "pp-beta-000002", status: "cancelled", httpStatus: 499 }),
      // Same timestamp as log-11: the id breaks the tie.
      row(12, { createdAt: at(11), promptId: "p-alpha", promptSlug: "pp-alpha-000001", isDraft: true, variables: { topic: "x" } }),
    ],
  });
});

describe("listLogs", () => {
  it("lists newest first, ties broken by id, summary fields only", async () => {
    const { data, next_cursor } = await listLogs(query());
    expect(data.map((log) => log.id)).toEqual(["log-12", "log-11", "log-10", ...Array.from({ length: 10 }, (_, i) => `log-0${9 - i}`)]);
    expect(next_cursor).toBeNull();
    expect(data[0]).toMatchObject({ prompt_slug: "pp-alpha-000001", is_draft: true, status: "success", created_at: at(11).toISOString() });
    expect(data[0]).not.toHaveProperty("variables");
  });

  it("filters by prompt id or slug, status and time range", async () => {
    expect((await listLogs(query({ prompt: "p-beta" }))).data.map((l) => l.id)).toEqual(["log-11", "log-10"]);
    expect((await listLogs(query({ prompt: "pp-beta-000002" }))).data).toHaveLength(2);
    expect((await listLogs(query({ status: "error" }))).data.map((l) => l.id)).toEqual(["log-10"]);
    expect((await listLogs(query({ prompt: "pp-alpha-000001", status: "success" }))).data).toHaveLength(11);
    const range = await listLogs(query({ from: at(3).toISOString(), to: at(5).toISOString() }));
    expect(range.data.map((l) => l.id)).toEqual(["log-05", "log-04", "log-03"]);
    expect((await listLogs(query({ prompt: "nope" }))).data).toEqual([]);
  });

  it("pages with a cursor without repeating or skipping rows, even across a tie", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof listLogs>> = await listLogs(query({ limit: "2", ...(cursor ? { cursor } : {}) }));
      seen.push(...page.data.map((l) => l.id));
      cursor = page.next_cursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(7);
    expect(seen).toEqual((await listLogs(query())).data.map((l) => l.id));
    // A new row arriving between pages does not shift the next page.
    const first = await listLogs(query({ limit: "3" }));
    await db.completionLog.create({ data: { id: "log-99", traceId: "t", status: "success", createdAt: at(60) } });
    const second = await listLogs(query({ limit: "3", cursor: first.next_cursor as string }));
    expect(second.data[0].id).toBe("log-09");
    await db.completionLog.delete({ where: { id: "log-99" } });
  });

  it("validates the query: limit default and cap, bad status, bad time, bad cursor", async () => {
    expect(query().limit).toBe(50);
    expect(query({ limit: "5000" }).limit).toBe(200);
    expect(query({ status: "" }).status).toBeUndefined();
    expect(() => query({ status: "ok" })).toThrow();
    expect(() => query({ from: "yesterday" })).toThrow();
    expect(() => query({ from: at(5).toISOString(), to: at(1).toISOString() })).toThrow();
    await expect(listLogs(query({ cursor: "garbage" }))).rejects.toMatchObject({ status: 400 });
  });
});

describe("getLog and the routes", () => {
  it("returns every field of one log, 404 when unknown", async () => {
    const log = await getLog("log-10");
    expect(log).toMatchObject({ id: "log-10", status: "error", http_status: 500, error: "mock error", usage: { total_tokens: null } });
    expect((await getLog("log-12")).variables).toEqual({ topic: "x" });
    await expect(getLog("missing")).rejects.toMatchObject({ status: 404 });
  });

  it("serves GET /v1/logs and /v1/logs/:id to admin keys only", async () => {
    const admin = (await createApiKey({ name: "logs-admin" })).key;
    const completions = (await createApiKey({ name: "logs-run", scope: "completions" })).key;
    const get = (url: string, key: string) => new Request(url, { headers: { "x-portkey-api-key": key } });
    const list = await logsRoute.GET(get("http://x/v1/logs?status=error&limit=1", admin), { params: Promise.resolve({}) });
    expect(list.status).toBe(200);
    expect(await list.json()).toMatchObject({ data: [{ id: "log-10" }], next_cursor: null });
    const bad = await logsRoute.GET(get("http://x/v1/logs?status=nope", admin), { params: Promise.resolve({}) });
    expect(bad.status).toBe(400);
    const one = await logRoute.GET(get("http://x/v1/logs/log-12", admin), { params: Promise.resolve({ id: "log-12" }) });
    expect(await one.json()).toMatchObject({ id: "log-12", is_draft: true, variables: { topic: "x" } });
    const missing = await logRoute.GET(get("http://x/v1/logs/zzz", admin), { params: Promise.resolve({ id: "zzz" }) });
    expect(missing.status).toBe(404);
    const forbidden = await logsRoute.GET(get("http://x/v1/logs", completions), { params: Promise.resolve({}) });
    expect(forbidden.status).toBe(403);
  });
});
