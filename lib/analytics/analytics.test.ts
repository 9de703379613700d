import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/core/db";
import { metadataColumn } from "@/lib/logs/metadata";
import { logWriter } from "@/lib/logs/writer";
import { analyticsGraph, analyticsGroups, analyticsSummary } from "./analytics";
import { bucketBounds, bucketOf } from "./histogram";
import { analyticsQuerySchema } from "./schemas";

// Ten calls in two hours with known latencies, tokens, costs and statuses, written through
// the log writer (so answers come from the rollups it keeps).
const LATENCIES = [100, 120, 140, 160, 180, 200, 400, 800, 1600, 3200];
const DAY = "2026-04-01";
const query = (extra: Record<string, string> = {}) =>
  analyticsQuerySchema.parse({ time_of_generation_min: `${DAY}T00:00:00Z`, time_of_generation_max: `${DAY}T03:59:59Z`, ...extra });

function within(estimate: number, truth: number) {
  const [lower, upper] = bucketBounds(bucketOf(truth));
  expect(estimate).toBeGreaterThanOrEqual(Math.floor(lower));
  expect(estimate).toBeLessThanOrEqual(Math.ceil(upper));
}

beforeAll(async () => {
  LATENCIES.forEach((latencyMs, i) => {
    const error = i >= 8;
    logWriter.enqueue({
      traceId: `an-${i}`,
      createdAt: new Date(`${DAY}T0${i < 6 ? 1 : 2}:${10 + i}:00Z`),
      promptId: i % 2 ? "prompt-b" : "prompt-a",
      promptSlug: i % 2 ? "pp-b" : "pp-a",
      promptVersion: i < 4 ? 1 : 2,
      provider: "openai",
      model: i < 5 ? "gpt-a" : "gpt-b",
      status: error ? "error" : "success",
      httpStatus: error ? (i === 8 ? 429 : 502) : 200,
      latencyMs,
      ttftMs: latencyMs / 2,
      promptTokens: 10,
      completionTokens: error ? 0 : 5,
      totalTokens: error ? 10 : 15,
      costUsd: error ? 0 : 0.01,
      // The caller's x-portkey-metadata: three users, and an environment on some calls.
      metadata: metadataColumn({ _user: `user-${i % 3}`, ...(i < 3 ? { env: "prod" } : {}) }, "metadata"),
    });
  });
  await logWriter.flush();
});

describe("analytics answers", () => {
  it("counts requests per hour, empty hours included", async () => {
    const graph = await analyticsGraph("requests", query());
    expect(graph.summary).toEqual({ total: 10 });
    expect(graph.data_points).toEqual([
      { timestamp: `${DAY}T00:00:00.000Z`, total: 0 },
      { timestamp: `${DAY}T01:00:00.000Z`, total: 6 },
      { timestamp: `${DAY}T02:00:00.000Z`, total: 4 },
      { timestamp: `${DAY}T03:00:00.000Z`, total: 0 },
    ]);
  });

  it("reports cost in cents, tokens, and errors by status class and code", async () => {
    expect((await analyticsGraph("cost", query())).summary).toEqual({ total: 8, avg: 0.8 });
    expect((await analyticsGraph("tokens", query())).summary).toEqual({ total: 140, avg: 14, input: 100, output: 40 });
    expect((await analyticsGraph("errors", query())).summary).toEqual({ total: 2, by_class: { "4xx": 1, "5xx": 1, other: 0 } });
    expect((await analyticsGraph("errors-rate", query())).summary).toEqual({ rate: 20 });
    const codes = await analyticsGraph("errors/status-codes", query());
    expect(codes.summary).toEqual({ total_errors: 2, unique_error_codes: 2 });
    expect(codes.data_points).toEqual([
      { status_code: 429, count: 1 },
      { status_code: 502, count: 1 },
    ]);
  });

  it("gives latency percentiles within one histogram bucket of the true values", async () => {
    const { summary } = (await analyticsGraph("latency", query())) as { summary: Record<string, number> };
    expect(summary.avg).toBe(690);
    within(summary.p50, 180); // nearest rank: the 5th of 10
    within(summary.p90, 1600);
    within(summary.p99, 3200);
    const ttft = (await analyticsGraph("ttft", query())).summary as Record<string, number>;
    within(ttft.p50, 90);
  });

  it("filters by prompt, version, label-free dimensions, status code and cost", async () => {
    expect((await analyticsGraph("requests", query({ prompt_slug: "pp-a" }))).summary).toEqual({ total: 5 });
    expect((await analyticsGraph("requests", query({ prompt_id: "prompt-b", prompt_version: "2" }))).summary).toEqual({ total: 3 });
    expect((await analyticsGraph("requests", query({ ai_org_model: "openai__gpt-b" }))).summary).toEqual({ total: 5 });
    expect((await analyticsGraph("requests", query({ status_code: "429,502" }))).summary).toEqual({ total: 2 });
    // A per-request filter: read from completion_log, same maths.
    expect((await analyticsGraph("cost", query({ cost_min: "0.5" }))).summary).toEqual({ total: 8, avg: 1 });
  });

  it("filters and groups by the callers' metadata", async () => {
    expect((await analyticsGraph("requests", query({ metadata: JSON.stringify({ env: "prod" }) }))).summary).toEqual({ total: 3 });
    expect((await analyticsGraph("requests", query({ metadata: JSON.stringify({ env: "prod", _user: "user-0" }) }))).summary).toEqual({ total: 1 });
    const users = await analyticsGroups("metadata/_user", query());
    expect(users.data.map((row) => [row.metadata_value, row.requests]).sort()).toEqual([
      ["user-0", 4],
      ["user-1", 3],
      ["user-2", 3],
    ]);
  });

  it("groups by model and by prompt version, ordered and paged", async () => {
    const models = await analyticsGroups("ai-models", query());
    expect(models.total).toBe(2);
    expect(models.data.map((row) => [row.ai_model, row.requests, row.error_count])).toEqual([
      ["gpt-a", 5, 0],
      ["gpt-b", 5, 2],
    ]);
    const versions = await analyticsGroups("prompt-versions", query({ order_by: "requests", order_by_type: "desc", page_size: "1", current_page: "1" }));
    expect(versions.total).toBe(4);
    expect(versions.data).toHaveLength(1);
    expect(versions.data[0]).toMatchObject({ object: "analytics-group", requests: 3 });
  });

  it("sums everything up at once", async () => {
    const { summary } = await analyticsSummary(query());
    expect(summary).toMatchObject({ requests: 10, errors: 2, error_rate: 20, cost: 8, tokens: { input: 100, output: 40, total: 140 } });
  });

  it("refuses unknown graphs and bad parameters", async () => {
    await expect(analyticsGraph("nope", query())).rejects.toMatchObject({ status: 404 });
    expect(() => query({ metadata: "[1]" })).toThrow();
    expect(() => query({ time_of_generation_min: "-000001-01-01T00:00:00Z" })).toThrow();
    expect(() => query({ time_of_generation_min: "2026-05-01T00:00:00Z" })).toThrow();
    expect(await db.analyticsRollup.count()).toBeGreaterThan(0);
  });
});
