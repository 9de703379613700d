import { db } from "@/lib/core/db";
import { notFound } from "@/lib/core/http/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { adjustFeedbackRollup, rollUpFeedback } from "@/lib/analytics/feedback-rollup";
import { callerIds, type Caller } from "@/lib/auth/caller";
import type { FeedbackAnswer, FeedbackInput, FeedbackUpdate } from "./feedback-schemas";
import type { FeedbackEntry } from "./schemas";

/**
 * Feedback on calls, linked to their log rows by trace id only: it may arrive before the row
 * is written (rows are written in batches) or name a trace logged elsewhere, so it is stored
 * whether or not a row with that trace exists yet.
 */
export async function createFeedback(items: FeedbackInput[], caller: Caller | null): Promise<FeedbackAnswer> {
  const who = callerIds(caller);
  const ids = await db.$transaction(
    items.map((item) =>
      db.feedback.create({
        data: { traceId: item.traceId, value: item.value, weight: item.weight, metadata: (item.metadata ?? undefined) as Prisma.InputJsonValue | undefined, ...who },
        select: { id: true },
      }),
    ),
  );
  const list = ids.map((row) => row.id);
  // Counted in analytics now if the rated log row is already written (else when it is).
  await rollUpFeedback(items.map((item) => item.traceId));
  return { status: "success", message: "Feedback successfully saved", feedback_id: list, feedback_ids: list };
}

/**
 * The update is conditional on the values read, so that a concurrent update or the feedback's
 * counting in analytics (lib/analytics/feedback-rollup.ts) in between makes it read again
 * rather than adjust the rollups by a stale difference.
 */
export async function updateFeedback(id: string, update: FeedbackUpdate): Promise<FeedbackAnswer> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const before = await db.feedback.findUnique({ where: { id }, select: { value: true, weight: true, rollupId: true } });
    if (!before) throw notFound(`Feedback '${id}' not found`);
    const data: Prisma.FeedbackUpdateManyMutationInput = { value: update.value };
    if (update.weight !== undefined) data.weight = update.weight;
    if (update.metadata !== undefined) data.metadata = update.metadata as Prisma.InputJsonValue;
    const done = await db.$transaction(async (tx) => {
      const { count } = await tx.feedback.updateMany({ where: { id, value: before.value, weight: before.weight, rollupId: before.rollupId }, data });
      if (count === 0) return false;
      if (before.rollupId) await adjustFeedbackRollup(tx, before.rollupId, before, { value: update.value, weight: update.weight ?? before.weight });
      return true;
    });
    if (done) return { status: "success", message: "Feedback successfully updated", feedback_id: [id], feedback_ids: [id] };
  }
  throw new Error(`Feedback '${id}' kept changing during its update`);
}

/** Every feedback of one trace, oldest first (shown with the log rows of that trace). */
export async function feedbackForTrace(traceId: string): Promise<FeedbackEntry[]> {
  const rows = await db.feedback.findMany({ where: { traceId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: 100 });
  return rows.map((row) => ({
    id: row.id,
    trace_id: row.traceId,
    value: row.value,
    weight: row.weight,
    metadata: row.metadata,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  }));
}

export interface FeedbackTotals {
  /** How many feedbacks the trace got. */
  count: number;
  /** Sum of value × weight. */
  weightedSum: number;
  /** Sum of the weights. */
  weightSum: number;
  /** weightedSum / weightSum, null when every weight is 0. */
  weightedAverage: number | null;
}

/**
 * Feedback summed per trace id, for analytics (a log row's trace id is its key). One grouped
 * query; trace ids without feedback are absent from the map.
 */
export async function feedbackTotals(traceIds: readonly string[]): Promise<Map<string, FeedbackTotals>> {
  const totals = new Map<string, FeedbackTotals>();
  const unique = [...new Set(traceIds)];
  // Bounded IN lists: SQLite allows 32,766 parameters, PostgreSQL 65,535.
  for (let start = 0; start < unique.length; start += 1000) {
    const chunk = unique.slice(start, start + 1000);
    const rows = await db.$queryRaw<{ traceId: string; n: bigint | number; weighted: number | null; weights: number | null }[]>`
      SELECT "traceId", COUNT(*) AS n, SUM("value" * "weight") AS weighted, SUM("weight") AS weights
      FROM "feedback" WHERE "traceId" IN (${Prisma.join(chunk)}) GROUP BY "traceId"`;
    for (const row of rows) {
      const weightedSum = Number(row.weighted ?? 0);
      const weightSum = Number(row.weights ?? 0);
      totals.set(row.traceId, { count: Number(row.n), weightedSum, weightSum, weightedAverage: weightSum > 0 ? weightedSum / weightSum : null });
    }
  }
  return totals;
}

