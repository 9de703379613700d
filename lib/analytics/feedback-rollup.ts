import { db } from "@/lib/core/db";
import { databaseDialect } from "@/lib/core/db/dialect";
import { runtimeSlot } from "@/lib/core/runtime";
import { Prisma } from "@/lib/generated/prisma/client";
import { collectRollups, DIALECTS, DIMENSIONS, ROLLUP_SOURCE_SELECT, upsertArgs, type RollupDelta } from "./rollup";

/**
 * Feedback in the hourly rollups. A feedback is counted in the analytics_rollup row of the log
 * it rates (the earliest log row of its trace: same hour and dimensions), so feedback per
 * version, label or model reads the same rows as everything else and outlives log retention.
 * Feedback may come before its log row (rows are written in batches) or never find one, so it
 * is counted when both exist: right after it is stored, after each log batch for that batch's
 * traces, and before analytics reads for any still pending. The feedback row records the rollup
 * row it went into (rollupId): an update adds the difference there, and a claim only succeeds
 * while the feedback is unclaimed and unchanged, so nothing is counted twice or stale.
 */

type Tx = Prisma.TransactionClient;
type Pending = { id: string; traceId: string; value: number; weight: number };

const FEEDBACK_SUMS = ["feedbackCount", "feedbackRequests", "feedbackValueSum", "feedbackWeighted"] as const;
const COLUMNS = ["id", ...DIMENSIONS, "promptSlug", ...FEEDBACK_SUMS, "feedbackHist", "firstSeen", "lastSeen"] as const;

function upsertSql(dialect: (typeof DIALECTS)[keyof typeof DIALECTS]): string {
  const target = `"analytics_rollup"`;
  const values = COLUMNS.map((_, index) => dialect.placeholder(index + 1)).join(", ");
  const updates = [
    ...FEEDBACK_SUMS.map((name) => `"${name}" = ${target}."${name}" + excluded."${name}"`),
    `"feedbackHist" = ${dialect.merge(`${target}."feedbackHist"`, `excluded."feedbackHist"`)}`,
  ];
  return `INSERT INTO ${target} (${COLUMNS.map((name) => `"${name}"`).join(", ")}) VALUES (${values}) ON CONFLICT (${DIMENSIONS.map((name) => `"${name}"`).join(", ")}) DO UPDATE SET ${updates.join(", ")} RETURNING "id"`;
}

function adjustSql(dialect: (typeof DIALECTS)[keyof typeof DIALECTS]): string {
  const [valueSum, weighted, hist, id] = [1, 2, 3, 4].map((index) => dialect.placeholder(index));
  return `UPDATE "analytics_rollup" SET "feedbackValueSum" = "feedbackValueSum" + ${valueSum}, "feedbackWeighted" = "feedbackWeighted" + ${weighted}, "feedbackHist" = ${dialect.merge(`"analytics_rollup"."feedbackHist"`, hist)} WHERE "id" = ${id}`;
}

const SQL = {
  sqlite: { upsert: upsertSql(DIALECTS.sqlite), adjust: adjustSql(DIALECTS.sqlite) },
  postgres: { upsert: upsertSql(DIALECTS.postgres), adjust: adjustSql(DIALECTS.postgres) },
};
const dialectName = () => databaseDialect(process.env.DATABASE_URL);

class LostClaim extends Error {}

/** Counts one trace's pending feedback into the rollup row of its log, all or nothing. */
async function countTrace(log: RollupDelta, pending: readonly Pending[]): Promise<void> {
  const name = dialectName();
  const dialect = DIALECTS[name];
  const hist: Record<string, number> = {};
  for (const item of pending) hist[String(item.value)] = (hist[String(item.value)] ?? 0) + 1;
  await db.$transaction(async (tx) => {
    // A call is counted once among requests_with_feedback, by its first counted feedback.
    const already = await tx.feedback.count({ where: { traceId: pending[0].traceId, rollupId: { not: null } } });
    const delta: Record<string, unknown> = {
      ...log,
      feedbackCount: pending.length,
      feedbackRequests: already > 0 ? 0 : 1,
      feedbackValueSum: pending.reduce((sum, item) => sum + item.value, 0),
      feedbackWeighted: pending.reduce((sum, item) => sum + item.value * item.weight, 0),
      feedbackHist: hist,
    };
    const args = upsertArgs(COLUMNS, delta, dialect);
    const [row] = await tx.$queryRawUnsafe<{ id: string }[]>(SQL[name].upsert, ...args);
    for (const item of pending) {
      // Raw: an ORM update would bump updatedAt, which means the feedback was edited.
      const claimed = await tx.$executeRaw`UPDATE "feedback" SET "rollupId" = ${row.id} WHERE "id" = ${item.id} AND "rollupId" IS NULL AND "value" = ${item.value} AND "weight" = ${item.weight}`;
      if (claimed !== 1) throw new LostClaim();
    }
  });
}

const CHUNK = 1000;
const SWEEP_LIMIT = 2000;

/**
 * Counts the pending feedback of these traces (all pending feedback when none are given) whose
 * log row exists. Failures are logged, not thrown: what is left pending is counted next time.
 */
export async function rollUpFeedback(traceIds?: readonly string[]): Promise<void> {
  if (traceIds) return countPending(traceIds);
  // A page asks for several graphs at once: their reads share one sweep rather than race.
  sweep.running ??= countPending().finally(() => (sweep.running = null));
  return sweep.running;
}

const sweep = runtimeSlot("analytics-feedback-sweep", () => ({ running: null as Promise<void> | null }));

async function countPending(traceIds?: readonly string[]): Promise<void> {
  try {
    const scopes = traceIds ? chunks([...new Set(traceIds)]) : [null];
    for (const scope of scopes) {
      const pending: Pending[] = await db.feedback.findMany({
        where: { rollupId: null, ...(scope ? { traceId: { in: scope } } : {}) },
        select: { id: true, traceId: true, value: true, weight: true },
        orderBy: [{ createdAt: "desc" }, { id: "asc" }],
        take: SWEEP_LIMIT,
      });
      const byTrace = new Map<string, Pending[]>();
      for (const item of pending) byTrace.set(item.traceId, [...(byTrace.get(item.traceId) ?? []), item]);
      for (const traces of chunks([...byTrace.keys()])) {
        const logs = await db.completionLog.findMany({
          where: { traceId: { in: traces } },
          select: { traceId: true, ...ROLLUP_SOURCE_SELECT },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        });
        const first = new Map<string, (typeof logs)[number]>();
        for (const log of logs) if (!first.has(log.traceId)) first.set(log.traceId, log);
        for (const [traceId, log] of first) {
          try {
            await countTrace(collectRollups([log])[0], byTrace.get(traceId) ?? []);
          } catch (error) {
            // Another writer counted or changed it first: the next pass sees where it stands.
            if (!(error instanceof LostClaim)) throw error;
          }
        }
      }
    }
  } catch (error) {
    console.error("[promptly] could not count feedback in the analytics rollups:", (error as Error).message);
  }
}

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += CHUNK) out.push(items.slice(start, start + CHUNK));
  return out;
}

/** An update of counted feedback: its rollup row gets the difference, in the caller's transaction. */
export async function adjustFeedbackRollup(
  tx: Tx,
  rollupId: string,
  before: { value: number; weight: number },
  after: { value: number; weight: number },
): Promise<void> {
  const name = dialectName();
  const hist: Record<string, number> = {};
  hist[String(before.value)] = (hist[String(before.value)] ?? 0) - 1;
  hist[String(after.value)] = (hist[String(after.value)] ?? 0) + 1;
  await tx.$executeRawUnsafe(SQL[name].adjust, after.value - before.value, after.value * after.weight - before.value * before.weight, JSON.stringify(hist), rollupId);
}
