import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/core/db";
import { createFeedback, updateFeedback } from "@/lib/logs/feedback";
import { logWriter } from "@/lib/logs/writer";
import { analyticsGraph, analyticsGroups, analyticsSummary } from "./analytics";
import { analyticsQuerySchema } from "./schemas";

// Six calls of one prompt: versions 1 and 2 both serving the label `production` (a split), one
// call of version 1 by number; feedback arrives before and after the rows, and is updated.
const DAY = "2026-05-01";
const query = (extra: Record<string, string> = {}) =>
  analyticsQuerySchema.parse({ time_of_generation_min: `${DAY}T00:00:00Z`, time_of_generation_max: `${DAY}T02:59:59Z`, ...extra });
const CALLS = [
  { version: 1, label: "production" },
  { version: 1, label: "production" },
  { version: 2, label: "production" },
  { version: 2, label: "production" },
  { version: 2, label: "production" },
  { version: 1, label: null },
];

function enqueue(i: number) {
  const call = CALLS[i];
  logWriter.enqueue({
    traceId: `fb-${i}`,
    createdAt: new Date(`${DAY}T01:1${i}:00Z`),
    promptId: "prompt-fb",
    promptSlug: "pp-fb",
    promptVersion: call.version,
    label: call.label,
    provider: "openai",
    model: call.version === 1 ? "gpt-one" : "gpt-two",
    status: "success",
    httpStatus: 200,
    latencyMs: 100 * (i + 1),
    costUsd: 0.01,
  });
}

let updatable = "";

beforeAll(async () => {
  // Feedback on fb-0 before its row exists: counted once the row is written.
  await createFeedback([{ traceId: "fb-0", value: 5, weight: 1, metadata: null }], null);
  for (let i = 0; i < CALLS.length; i++) enqueue(i);
  await logWriter.flush();
  // After the rows: two on fb-2 (one call with two feedbacks), one on fb-5, weighted.
  await createFeedback(
    [
      { traceId: "fb-2", value: -2, weight: 1, metadata: null },
      { traceId: "fb-2", value: 4, weight: 0.5, metadata: null },
    ],
    null,
  );
  updatable = (await createFeedback([{ traceId: "fb-5", value: 1, weight: 1, metadata: null }], null)).feedback_ids[0];
  // Updated after it was counted: the rollup takes the difference.
  await updateFeedback(updatable, { value: 3, weight: 0.5, metadata: undefined });
});

describe("feedback in analytics", () => {
  it("counts feedback in the graphs, whenever it came, with updates applied", async () => {
    expect((await analyticsGraph("feedbacks", query())).summary).toEqual({ total: 4 });
    // value × weight: 5, -2, 2, 1.5 over 4 feedbacks.
    expect((await analyticsGraph("feedbacks/weighted", query())).summary).toEqual({ avg: 1.625 });
    const scores = await analyticsGraph("feedbacks/scores", query());
    expect(scores.data_points).toEqual([
      { score: -2, total: 1 },
      { score: 3, total: 1 },
      { score: 4, total: 1 },
      { score: 5, total: 1 },
    ]);
    const models = await analyticsGraph("feedbacks/ai-models", query());
    expect(models.data_points).toEqual([
      { ai_model: "gpt-one", total: 2, avg_weighted_feedback: 3.25 },
      { ai_model: "gpt-two", total: 2, avg_weighted_feedback: 0 },
    ]);
    const summary = await analyticsSummary(query());
    expect(summary.summary.feedback).toEqual({ count: 4, requests_with_feedback: 3, mean: 2.5, avg_weighted: 1.625 });
  });

  it("gives feedback per version and each arm of a label", async () => {
    const versions = await analyticsGroups("prompt-versions", query({ order_by: "prompt_version", order_by_type: "asc" }));
    expect(versions.data.map((row) => [row.prompt_version, row.requests, row.feedback_count, row.feedback_mean, row.requests_with_feedback])).toEqual([
      [1, 3, 2, 4, 2],
      [2, 3, 2, 1, 1],
    ]);
    const labels = await analyticsGroups("labels", query());
    expect(labels.data.map((row) => [row.label, row.prompt_version, row.requests, row.feedback_count])).toEqual([
      ["production", 2, 3, 2],
      ["production", 1, 2, 1],
    ]);
    expect((await analyticsGraph("requests", query({ label: "production" }))).summary).toEqual({ total: 5 });
  });

  it("filters calls by their weighted feedback instead of refusing the filter", async () => {
    // Per call: fb-0 5, fb-2 (−2 + 2) / 2 = 0, fb-5 1.5.
    expect((await analyticsGraph("requests", query({ weighted_feedback_min: "1" }))).summary).toEqual({ total: 2 });
    expect((await analyticsGraph("requests", query({ weighted_feedback_max: "0" }))).summary).toEqual({ total: 1 });
    expect((await analyticsGraph("feedbacks", query({ weighted_feedback_min: "1" }))).summary).toEqual({ total: 2 });
  });

  it("keeps feedback numbers when the logs and the feedback are pruned", async () => {
    await db.completionLog.deleteMany({ where: { promptId: "prompt-fb" } });
    await db.feedback.deleteMany({ where: { traceId: { startsWith: "fb-" } } });
    expect((await analyticsGraph("feedbacks", query())).summary).toEqual({ total: 4 });
    expect((await analyticsGraph("requests", query())).summary).toEqual({ total: 6 });
  });
});

describe("feedback changed before its call is logged", () => {
  it("is counted with its latest value once the row arrives", async () => {
    const at = analyticsQuerySchema.parse({ time_of_generation_min: "2026-05-02T00:00:00Z", time_of_generation_max: "2026-05-02T02:59:59Z" });
    const id = (await createFeedback([{ traceId: "late-0", value: -4, weight: 1, metadata: null }], null)).feedback_ids[0];
    await updateFeedback(id, { value: 2, weight: 1, metadata: undefined });
    logWriter.enqueue({ traceId: "late-0", createdAt: new Date("2026-05-02T01:00:00Z"), promptId: "prompt-late", promptVersion: 1, status: "success", httpStatus: 200, latencyMs: 50 });
    await logWriter.flush();
    expect((await analyticsSummary(at)).summary.feedback).toEqual({ count: 1, requests_with_feedback: 1, mean: 2, avg_weighted: 2 });
    expect((await analyticsGraph("feedbacks/scores", at)).data_points).toEqual([{ score: 2, total: 1 }]);
  });
});
