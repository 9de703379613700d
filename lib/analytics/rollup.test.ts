import { describe, expect, it } from "vitest";
import { db } from "@/lib/core/db";
import { logWriter } from "@/lib/logs/writer";
import { bucketOf } from "./histogram";
import { collectRollups, upsertRollups } from "./rollup";

const at = (iso: string) => new Date(iso);

describe("hourly rollups", () => {
  it("groups rows by hour and dimensions, treating absent dimensions as one value", () => {
    const deltas = collectRollups([
      { createdAt: at("2026-01-01T10:05:00Z"), status: "success", model: "m", latencyMs: 100, promptTokens: 3, completionTokens: 4, totalTokens: 7, costUsd: 0.5 },
      { createdAt: at("2026-01-01T10:55:00Z"), status: "success", model: "m", latencyMs: 300, ttftMs: 40 },
      { createdAt: at("2026-01-01T11:00:00Z"), status: "success", model: "m" },
      { createdAt: at("2026-01-01T10:10:00Z"), status: "error", httpStatus: 500, model: "m" },
    ]);
    expect(deltas).toHaveLength(3);
    const first = deltas[0];
    expect(first.hour.toISOString()).toBe("2026-01-01T10:00:00.000Z");
    expect(first).toMatchObject({ requests: 2, latencyCount: 2, latencySumMs: 400, ttftCount: 1, promptTokens: 3, completionTokens: 4, totalTokens: 7, costUsd: 0.5, promptId: "", httpStatus: 0 });
    expect(first.latencyHist).toEqual({ [bucketOf(100)]: 1, [bucketOf(300)]: 1 });
    expect(first.firstSeen.toISOString()).toBe("2026-01-01T10:05:00.000Z");
    expect(first.lastSeen.toISOString()).toBe("2026-01-01T10:55:00.000Z");
  });

  it("upserts add to the stored group, histograms merged bucket by bucket", async () => {
    const base = { createdAt: at("2026-02-01T08:00:00Z"), status: "success", model: "upsert-model", promptId: "p-up", promptVersion: 2 };
    await upsertRollups(collectRollups([{ ...base, latencyMs: 100, costUsd: 1 }, { ...base, latencyMs: 1000, costUsd: 2 }]));
    await upsertRollups(collectRollups([{ ...base, createdAt: at("2026-02-01T08:30:00Z"), latencyMs: 100, costUsd: 0.25, promptSlug: "renamed" }]));
    const rows = await db.analyticsRollup.findMany({ where: { model: "upsert-model" } });
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row).toMatchObject({ requests: 3, latencyCount: 3, latencySumMs: 1200, costUsd: 3.25, promptSlug: "renamed", promptVersion: 2 });
    expect(JSON.parse(row.latencyHist)).toEqual({ [bucketOf(100)]: 2, [bucketOf(1000)]: 1 });
    expect(row.hour.toISOString()).toBe("2026-02-01T08:00:00.000Z");
    expect(row.firstSeen.toISOString()).toBe("2026-02-01T08:00:00.000Z");
    expect(row.lastSeen.toISOString()).toBe("2026-02-01T08:30:00.000Z");
  });

  it("the log writer rolls up each batch it stores", async () => {
    for (let i = 0; i < 5; i++) {
      logWriter.enqueue({ traceId: `roll-${i}`, status: i === 4 ? "error" : "success", httpStatus: i === 4 ? 502 : 200, model: "writer-model", latencyMs: 10 * (i + 1), createdAt: at("2026-03-01T12:00:00Z") });
    }
    await logWriter.flush();
    const rows = await db.analyticsRollup.findMany({ where: { model: "writer-model" }, orderBy: { status: "asc" } });
    expect(rows.map((row) => [row.status, row.httpStatus, row.requests, row.latencySumMs])).toEqual([
      ["error", 502, 1, 50],
      ["success", 200, 4, 100],
    ]);
  });
});
