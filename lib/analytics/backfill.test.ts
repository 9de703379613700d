import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/core/db";
import { backfillRollups } from "./backfill";

describe("the rollup backfill", () => {
  beforeAll(async () => {
    // Logs written before the rollups existed, straight into the table (not through the writer).
    await db.completionLog.createMany({
      data: Array.from({ length: 2500 }, (_, i) => ({
        traceId: `old-${i}`,
        status: i % 5 === 0 ? "error" : "success",
        httpStatus: i % 5 === 0 ? 503 : 200,
        model: "old-model",
        latencyMs: 100 + (i % 50),
        costUsd: 0.001,
        createdAt: new Date(Date.UTC(2026, 0, 1, i % 3, i % 60)),
      })),
    });
  });

  it("rolls up every earlier log exactly once, even started twice at the same time", async () => {
    const counts = await Promise.all([backfillRollups(), backfillRollups()]);
    expect(counts[0] + counts[1]).toBe(2500);
    expect(await backfillRollups()).toBe(0);
    const rows = await db.analyticsRollup.findMany({ where: { model: "old-model" } });
    expect(rows.reduce((sum, row) => sum + row.requests, 0)).toBe(2500);
    expect(rows.filter((row) => row.status === "error").reduce((sum, row) => sum + row.requests, 0)).toBe(500);
    expect(rows.reduce((sum, row) => sum + row.costUsd, 0)).toBeCloseTo(2.5, 9);
    expect(new Set(rows.map((row) => row.hour.toISOString())).size).toBe(3);
  });

  it("leaves logs written after its cutoff to the writer", async () => {
    const state = await db.analyticsBackfill.findUniqueOrThrow({ where: { id: "completion_log" } });
    expect(state.done).toBe(true);
    await db.completionLog.create({ data: { traceId: "late", status: "success", model: "late-model", createdAt: new Date(state.cutoff.getTime() + 1000) } });
    await db.analyticsBackfill.update({ where: { id: "completion_log" }, data: { done: false } });
    expect(await backfillRollups()).toBe(0);
    expect(await db.analyticsRollup.count({ where: { model: "late-model" } })).toBe(0);
  });
});
