import { describe, expect, it } from "vitest";
import { db } from "@/lib/core/db";
import { rawSqlite } from "@/lib/core/db/raw-sqlite";
import { flushLogs } from "@/lib/lifecycle/shutdown";
import { logWriter } from "./writer";

const row = (traceId: string) => ({ traceId, status: "success" });
const count = (prefix: string) => db.completionLog.count({ where: { traceId: { startsWith: prefix } } });

describe("the log writer", () => {
  it("batches rows and writes them all when flushed, even with flushes racing", async () => {
    for (let i = 0; i < 450; i++) logWriter.enqueue(row(`batch-${i}`));
    // 450 > one batch: some writes already started; every flush must still wait for all.
    await Promise.all([logWriter.flush(), logWriter.flush()]);
    expect(await count("batch-")).toBe(450);
    expect(logWriter.pendingCount).toBe(0);
  });

  it("writes a big batch a slice per turn of the event loop, not all of it in one turn", async () => {
    const sqlite = rawSqlite();
    if (!sqlite) return; // the writes that hold the loop are SQLite's
    const stored = () => (sqlite.prepare(`SELECT count(*) AS n FROM "completion_log" WHERE "traceId" LIKE 'slice-%'`).get() as { n: number }).n;
    for (let i = 0; i < 199; i++) logWriter.enqueue(row(`slice-${i}`));
    const flushed = logWriter.flush();
    // Turns of the loop while the batch is written: some rows are stored and some not yet.
    const seen: number[] = [];
    const watch = () => {
      seen.push(stored());
      if (seen.length < 50 && seen.at(-1)! < 199) setImmediate(watch);
    };
    setImmediate(watch);
    await flushed;
    expect(seen.some((n) => n > 0 && n < 199)).toBe(true);
    expect(stored()).toBe(199);
  });

  it("a flush resolves only after rows queued before it are written", async () => {
    logWriter.enqueue(row("order-1"));
    const first = logWriter.flush();
    logWriter.enqueue(row("order-2"));
    await logWriter.flush();
    await first;
    expect(await count("order-")).toBe(2);
  });

  it("never throws at the caller, and a bad row loses only itself, not its batch", async () => {
    logWriter.enqueue(row("mixed-1"));
    logWriter.enqueue({ traceId: "mixed-bad", status: "success", createdAt: "not a date" as unknown as Date });
    logWriter.enqueue({ ...row("mixed-2"), variables: { ok: "\ud83d\ude00" } });
    await expect(logWriter.flush()).resolves.toBeUndefined();
    expect(await count("mixed-")).toBe(2);
  });

  it("stores a lone surrogate (say, in a provider's answer) as U+FFFD rather than losing the row", async () => {
    logWriter.enqueue({ ...row("surrogate-1"), response: JSON.parse('{"text":"x\\ud83d","\\udfff":1}') });
    await logWriter.flush();
    const stored = await db.completionLog.findMany({ where: { traceId: "surrogate-1" } });
    expect(stored.map((r) => r.response)).toEqual([{ text: "x\ufffd", "\ufffd": 1 }]);
  });

  it("builds a lazily queued row when its batch is written, stamped with the time it was queued", async () => {
    let built = 0;
    const queuedAt = Date.now();
    logWriter.enqueue(() => (built++, row("lazy-1")));
    logWriter.enqueue(() => {
      throw new Error("cannot build");
    });
    logWriter.enqueue(() => (built++, row("lazy-2")));
    // Nothing is built on the caller's path: that is the point of queuing a function.
    expect(built).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await expect(logWriter.flush()).resolves.toBeUndefined();
    expect(built).toBe(2);
    const rows = await db.completionLog.findMany({ where: { traceId: { startsWith: "lazy-" } }, orderBy: { traceId: "asc" } });
    expect(rows.map((r) => r.traceId)).toEqual(["lazy-1", "lazy-2"]);
    for (const r of rows) expect(r.createdAt.getTime()).toBeLessThan(queuedAt + 20);
  });

  it("builds at once when a backlog is queued, so that unbuilt rows never pile up", async () => {
    let built = 0;
    // Closing mode would write at once; a full batch queued first is the backlog.
    for (let i = 0; i < 199; i++) logWriter.enqueue(row(`backlog-${i}`));
    logWriter.enqueue(() => (built++, row("backlog-lazy-1")));
    expect(built).toBe(0);
    logWriter.enqueue(() => (built++, row("backlog-lazy-2")));
    expect(built).toBe(1);
    await logWriter.flush();
    expect(built).toBe(2);
    expect(await count("backlog-")).toBe(201);
  });

  it("in closing mode writes each row at once, and flushLogs drains within its deadline", async () => {
    logWriter.startClosing();
    logWriter.enqueue(row("closing-1"));
    logWriter.enqueue(row("closing-2"));
    await flushLogs(2_000);
    expect(await count("closing-")).toBe(2);
  });
});
