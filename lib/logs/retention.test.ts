import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/core/db";
import { updateLogSettings } from "./log-settings";
import { pruneBefore, pruneExpiredLogs } from "./retention";

const DAY = 86_400_000;
const now = new Date("2026-06-30T12:00:00.000Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);

async function seed(prefix: string, ages: number[]) {
  await db.completionLog.createMany({ data: ages.map((age, i) => ({ id: `${prefix}-${i}`, traceId: `${prefix}-t${i}`, status: "success", createdAt: daysAgo(age) })) });
  await db.feedback.createMany({ data: ages.map((age, i) => ({ traceId: `${prefix}-t${i}`, value: 1, createdAt: daysAgo(age), updatedAt: daysAgo(age) })) });
}
const remaining = async (prefix: string) =>
  (await db.completionLog.findMany({ where: { id: { startsWith: prefix } }, select: { id: true }, orderBy: { id: "asc" } })).map((row) => row.id);

beforeEach(async () => {
  await db.completionLog.deleteMany({});
  await db.feedback.deleteMany({});
  await db.appSetting.deleteMany({});
});
afterEach(() => {
  delete process.env.PROMPTLY_LOG_RETENTION_DAYS;
});

describe("log retention", () => {
  it("deletes exactly the rows created before the cutoff, in batches, feedback included", async () => {
    // 23 old rows: several batches of 5 and a partial one; 4 rows at or after the cutoff stay.
    const ages = [...Array.from({ length: 23 }, (_, i) => 31 + i), 30, 29, 1, 0];
    await seed("r", ages);
    const removed = await pruneBefore(daysAgo(30), { batchSize: 5, pauseMs: 0 });
    expect(removed).toEqual({ logs: 23, feedback: 23 });
    expect(await remaining("r")).toEqual(["r-23", "r-24", "r-25", "r-26"]);
    expect(await db.feedback.count()).toBe(4);
  });

  it("stops between batches when asked (shutdown), leaving the rest for the next run", async () => {
    await seed("s", Array.from({ length: 12 }, () => 100));
    let batches = 0;
    const removed = await pruneBefore(daysAgo(30), { batchSize: 5, pauseMs: 0, shouldStop: () => batches++ >= 1 });
    expect(removed.logs).toBe(5);
    expect(await remaining("s")).toHaveLength(7);
  });

  it("follows the retention in force: the Settings value over PROMPTLY_LOG_RETENTION_DAYS over the default, forever; 0 keeps everything", async () => {
    await seed("e", [400, 95, 40, 10]);
    // Default: nothing is pruned until someone chooses a retention.
    expect((await pruneExpiredLogs(now, { pauseMs: 0 })).logs).toBe(0);
    process.env.PROMPTLY_LOG_RETENTION_DAYS = "30";
    expect((await pruneExpiredLogs(now, { pauseMs: 0 })).logs).toBe(3);
    expect(await remaining("e")).toEqual(["e-3"]);

    await db.completionLog.deleteMany({});
    await seed("f", [400, 95, 40, 10]);
    process.env.PROMPTLY_LOG_RETENTION_DAYS = "100";
    expect((await pruneExpiredLogs(now, { pauseMs: 0 })).logs).toBe(1);
    await updateLogSettings({ retention_days: 0 });
    expect((await pruneExpiredLogs(now, { pauseMs: 0 })).logs).toBe(0);
    await updateLogSettings({ retention_days: 50 });
    expect((await pruneExpiredLogs(now, { pauseMs: 0 })).logs).toBe(1);
    expect(await remaining("f")).toEqual(["f-2", "f-3"]);
    // Cleared: the environment's 100 days again (nothing older left).
    await updateLogSettings({ retention_days: null });
    process.env.PROMPTLY_LOG_RETENTION_DAYS = "0";
    expect((await pruneExpiredLogs(now, { pauseMs: 0 })).logs).toBe(0);
    expect(await remaining("f")).toEqual(["f-2", "f-3"]);
  });
});
