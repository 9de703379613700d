import { db } from "@/lib/core/db";
import { runtimeSlot } from "@/lib/core/runtime";
import type { Prisma } from "@/lib/generated/prisma/client";
import { versionWhere } from "@/lib/datasets/datasets";
import { markExperimentCompleted } from "./complete";
import { runCase, type CaseItem } from "./run-case";
import { EXPERIMENT_RUNNER_SLOT, type RunnerHandle } from "./runner-slot";
import type { ExperimentTarget } from "./schemas";
import type { ScorerSnapshot } from "./scorer-specs";

/**
 * Runs experiments in this process. State is in the database, so any instance can run any
 * experiment and a restart continues where the last process stopped:
 * - a case is CLAIMED by a conditional update (pending -> running, only where still pending),
 *   so two runners (two workers, two instances) never take the same case;
 * - a claimed case holds a lease that its runner renews while the call is in flight; a case
 *   whose lease ran out (its process died) goes back to pending and is run again;
 * - a result is written only where the case is still running under the same attempt.
 * So a case is recorded exactly once, and its upstream call is made once unless the process
 * running it died (or stalled past its lease) after sending the call and before recording
 * the answer: that call is made again.
 * Cancel (another request, maybe another instance) sets the experiment's status; workers read
 * it before every claim, so no call starts after it; calls already in flight finish and their
 * results are kept (the cases not started stay pending).
 */

export const LEASE_MS_DEFAULT = 30_000;
/** How long a claimed case is held without a renewal: a dead runner's cases wait this long. */
export function leaseMs(): number {
  const value = Number(process.env.PROMPTLY_EXPERIMENT_LEASE_MS);
  return Number.isFinite(value) && value >= 200 ? value : LEASE_MS_DEFAULT;
}
const POLL_MS = 1_000;

interface RunnerState extends RunnerHandle {
  active: Map<string, Promise<void>>;
  stopping: boolean;
  controllers: Set<AbortController>;
}

const state = runtimeSlot<RunnerState>(EXPERIMENT_RUNNER_SLOT, () => ({
  active: new Map(),
  stopping: false,
  controllers: new Set(),
  async stop() {
    this.stopping = true;
    for (const controller of this.controllers) controller.abort();
    await Promise.allSettled([...this.active.values()]);
  },
}));

const UNFINISHED = ["queued", "running"];

/** Starts running an experiment in this process, unless it already runs here. */
export function startExperiment(id: string): Promise<void> {
  const running = state.active.get(id);
  if (running) return running;
  const run = runExperiment(id)
    .catch((error) => console.error(`[promptly] experiment ${id} stopped:`, error))
    .finally(() => state.active.delete(id));
  state.active.set(id, run);
  return run;
}

/** At start-up: every experiment left queued or running is picked up again. */
export async function resumeExperiments(): Promise<number> {
  state.stopping = false;
  const unfinished = await db.experiment.findMany({ where: { status: { in: UNFINISHED } }, select: { id: true } });
  for (const { id } of unfinished) void startExperiment(id);
  return unfinished.length;
}

/** At shutdown: claim nothing more; calls in flight are aborted and their cases re-queued. */
export function stopExperiments(): Promise<void> {
  return state.stop();
}

/** Resolves once no experiment runs in this process (tests). */
export async function experimentsIdle(): Promise<void> {
  while (state.active.size > 0) await Promise.allSettled([...state.active.values()]);
}

async function statusOf(id: string): Promise<string | null> {
  return (await db.experiment.findUnique({ where: { id }, select: { status: true } }))?.status ?? null;
}

async function runExperiment(id: string): Promise<void> {
  const experiment = await db.experiment.findUnique({ where: { id } });
  if (!experiment || !UNFINISHED.includes(experiment.status)) return;
  await db.experiment.updateMany({ where: { id, status: "queued" }, data: { status: "running", startedAt: new Date() } });
  const targets = experiment.targets as unknown as ExperimentTarget[];
  const scorers = experiment.scorers as unknown as ScorerSnapshot[];
  const items = new ItemCache(experiment.datasetId, experiment.datasetVersion);

  const worker = async () => {
    while (!state.stopping && (await statusOf(id)) === "running") {
      await requeueExpired(id);
      const claimed = await claimNext(id);
      if (claimed === "none-left") return;
      if (claimed === "wait") {
        await sleep(POLL_MS);
        continue;
      }
      await runClaimed(id, claimed, targets, scorers, items);
    }
  };
  await Promise.all(Array.from({ length: experiment.concurrency }, worker));
  if (state.stopping) return;
  const left = await db.experimentCase.count({ where: { experimentId: id, status: { in: ["pending", "running"] } } });
  if (left === 0) await markExperimentCompleted(id);
}

type Claimed = { id: string; itemId: string; targetIndex: number; attempts: number };

/** Takes one pending case; "wait" when only cases running elsewhere are left, "none-left" when all finished. */
async function claimNext(experimentId: string): Promise<Claimed | "wait" | "none-left"> {
  for (;;) {
    const candidates = await db.experimentCase.findMany({
      where: { experimentId, status: "pending" },
      orderBy: [{ position: "asc" }, { targetIndex: "asc" }, { repetition: "asc" }],
      take: 16,
      select: { id: true, itemId: true, targetIndex: true, attempts: true },
    });
    if (candidates.length === 0) {
      const running = await db.experimentCase.count({ where: { experimentId, status: "running" } });
      return running > 0 ? "wait" : "none-left";
    }
    // Shuffled: eight workers racing for the same first case would mostly lose.
    for (const candidate of candidates.sort(() => Math.random() - 0.5)) {
      const { count } = await db.experimentCase.updateMany({
        where: { id: candidate.id, status: "pending" },
        data: { status: "running", leaseUntil: new Date(Date.now() + leaseMs()), attempts: candidate.attempts + 1 },
      });
      if (count === 1) return { ...candidate, attempts: candidate.attempts + 1 };
    }
  }
}

/** Cases whose runner stopped renewing their lease (its process died) go back to pending. */
async function requeueExpired(experimentId: string): Promise<void> {
  await db.experimentCase.updateMany({ where: { experimentId, status: "running", leaseUntil: { lt: new Date() } }, data: { status: "pending", leaseUntil: null } });
}

async function runClaimed(experimentId: string, claimed: Claimed, targets: ExperimentTarget[], scorers: ScorerSnapshot[], items: ItemCache): Promise<void> {
  const mine = { id: claimed.id, status: "running", attempts: claimed.attempts };
  const controller = new AbortController();
  state.controllers.add(controller);
  // Renew the lease while the call runs.
  const heartbeat = setInterval(() => {
    void db.experimentCase.updateMany({ where: mine, data: { leaseUntil: new Date(Date.now() + leaseMs()) } }).catch(() => undefined);
  }, Math.min(POLL_MS, leaseMs() / 3));
  heartbeat.unref?.();
  try {
    const item = await items.get(claimed.itemId);
    const target = targets[claimed.targetIndex];
    const result = item
      ? await runCase(experimentId, target, item, scorers, controller.signal)
      : { status: "errored" as const, input: null, output: null, latencyMs: null, promptTokens: null, completionTokens: null, totalTokens: null, costUsd: null, error: "the dataset item is gone", scores: null, passed: null };
    if (state.stopping) {
      // Aborted by shutdown: the case runs again on the next start.
      await db.experimentCase.updateMany({ where: mine, data: { status: "pending", leaseUntil: null } });
      return;
    }
    await db.experimentCase.updateMany({
      where: mine,
      data: {
        status: result.status,
        leaseUntil: null,
        input: (result.input ?? undefined) as Prisma.InputJsonValue | undefined,
        output: result.output,
        latencyMs: result.latencyMs,
        promptTokens: result.promptTokens,
        completionTokens: result.completionTokens,
        totalTokens: result.totalTokens,
        costUsd: result.costUsd,
        error: result.error,
        scores: (result.scores ?? undefined) as Prisma.InputJsonValue | undefined,
        passed: result.passed,
        finishedAt: new Date(),
      },
    });
  } finally {
    clearInterval(heartbeat);
    state.controllers.delete(controller);
  }
}

/** The dataset rows of the experiment's version, read once per item per run. */
class ItemCache {
  private rows = new Map<string, Promise<CaseItem | null>>();
  constructor(
    private datasetId: string,
    private version: number,
  ) {}

  get(itemId: string): Promise<CaseItem | null> {
    let row = this.rows.get(itemId);
    if (!row) {
      row = db.datasetItem
        .findFirst({ where: { AND: [versionWhere(this.datasetId, this.version), { itemId }] } })
        .then((found) => (found ? { variables: found.variables as Record<string, unknown>, expected: found.expected, metadata: (found.metadata ?? null) as Record<string, unknown> | null } : null));
      this.rows.set(itemId, row);
    }
    return row;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref?.());
