import { db } from "@/lib/core/db";
import { runtimeSlot } from "@/lib/core/runtime";
import { retentionDays } from "./log-settings";
import { LOG_RETENTION_SLOT, type RetentionHandle } from "./retention-slot";

/**
 * Deletes logs (and feedback) older than the retention, in the background: a batch of ids at
 * a time, each deleted by its own short statement with a pause between, so the write lock
 * (SQLite has one for the whole file) is never held for long and the log writer's batches
 * and every other write get their turn. Every instance on a shared PostgreSQL runs it; two
 * deleting the same rows is harmless.
 */
// 100 rows a statement: each deleted row also leaves the search index (its trigger), and
// the SQLite log writer waits for the lock synchronously, so a short hold keeps completions'
// p99 flat while pruning (bench/lib/logs.mjs measures it). Up to ~1,000 rows a second.
export const PRUNE_BATCH = 100;
const PRUNE_PAUSE_MS = 100;
/** The first run waits for the start-up to settle (PROMPTLY_LOG_RETENTION_START_DELAY_MS); then once an hour. */
const FIRST_RUN_MS = 60_000;
export function firstRunDelayMs(value = process.env.PROMPTLY_LOG_RETENTION_START_DELAY_MS): number {
  const ms = Number(value);
  return value !== undefined && value !== "" && Number.isInteger(ms) && ms >= 0 ? ms : FIRST_RUN_MS;
}
const EVERY_MS = 3_600_000;
const DAY_MS = 86_400_000;

export interface PruneOptions {
  batchSize?: number;
  pauseMs?: number;
  /** Checked between batches: a stop lets the current batch finish and goes no further. */
  shouldStop?: () => boolean;
}

/** Deletes every log row and feedback created before `cutoff`; answers how many of each. */
export async function pruneBefore(cutoff: Date, options: PruneOptions = {}): Promise<{ logs: number; feedback: number }> {
  const batch = options.batchSize ?? PRUNE_BATCH;
  const pause = options.pauseMs ?? PRUNE_PAUSE_MS;
  const stop = options.shouldStop ?? (() => false);
  const where = { createdAt: { lt: cutoff } };
  const logs = await inBatches(batch, pause, stop, async () => {
    const ids = (await db.completionLog.findMany({ where, select: { id: true }, orderBy: { createdAt: "asc" }, take: batch })).map((row) => row.id);
    return ids.length === 0 ? 0 : (await db.completionLog.deleteMany({ where: { id: { in: ids } } })).count;
  });
  const feedback = await inBatches(batch, pause, stop, async () => {
    const ids = (await db.feedback.findMany({ where, select: { id: true }, orderBy: { createdAt: "asc" }, take: batch })).map((row) => row.id);
    return ids.length === 0 ? 0 : (await db.feedback.deleteMany({ where: { id: { in: ids } } })).count;
  });
  return { logs, feedback };
}

async function inBatches(batch: number, pause: number, stop: () => boolean, deleteOne: () => Promise<number>): Promise<number> {
  let total = 0;
  while (!stop()) {
    const deleted = await deleteOne();
    total += deleted;
    if (deleted < batch) break;
    await sleep(pause);
  }
  return total;
}

/** One pass at the retention in force (nothing when it is 0, keep forever). */
export async function pruneExpiredLogs(now = new Date(), options: PruneOptions = {}): Promise<{ logs: number; feedback: number }> {
  const { days } = await retentionDays();
  if (days === 0) return { logs: 0, feedback: 0 };
  return pruneBefore(new Date(now.getTime() - days * DAY_MS), options);
}

interface RetentionState extends RetentionHandle {
  started: boolean;
  stopped: boolean;
  timer: NodeJS.Timeout | null;
}

const state = runtimeSlot<RetentionState>(LOG_RETENTION_SLOT, () => {
  const self: RetentionState = {
    started: false,
    stopped: false,
    timer: null,
    stop() {
      self.stopped = true;
      if (self.timer) clearTimeout(self.timer);
      self.timer = null;
    },
  };
  return self;
});

/** Starts the hourly pruning once per process (lib/lifecycle/startup.ts); stopped at shutdown. */
export function startLogRetention(log: (line: string) => void = console.log): void {
  if (state.started) return;
  state.started = true;
  const schedule = (ms: number) => {
    if (state.stopped) return;
    state.timer = setTimeout(() => void run(), ms);
    state.timer.unref?.();
  };
  const run = async () => {
    try {
      const removed = await pruneExpiredLogs(new Date(), { shouldStop: () => state.stopped });
      if (removed.logs + removed.feedback > 0) log(`[promptly] log retention: deleted ${removed.logs} log row(s) and ${removed.feedback} feedback(s)`);
    } catch (error) {
      console.error("[promptly] log retention failed:", (error as Error).message);
    }
    schedule(EVERY_MS);
  };
  schedule(firstRunDelayMs());
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref?.());
