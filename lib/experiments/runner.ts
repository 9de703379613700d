import { broadcast, onBroadcast } from "@/lib/core/cluster/broadcast";
import { runsBackgroundJobs } from "@/lib/core/cluster/role";
import { db } from "@/lib/core/db";
import { runtimeSlot } from "@/lib/core/runtime";
import { CaseFeed, ItemCache, type Claimed } from "./case-feed";
import { requeueCase, writeCaseResult } from "./case-results";
import { markExperimentCompleted } from "./complete";
import { runCase } from "./run-case";
import { EXPERIMENT_RUNNER_SLOT, type RunnerHandle } from "./runner-slot";
import type { ExperimentTarget } from "./schemas";
import type { ScorerSnapshot } from "./scorer-specs";

/**
 * Runs experiments in this process. State is in the database, so any instance can run any
 * experiment and a restart continues where the last process stopped:
 * - cases are CLAIMED by a conditional update (pending -> running, only where still pending,
 *   a batch at a time: see CaseFeed), so two runners (two workers, two instances) never take
 *   the same case;
 * - a claimed case holds a lease that its runner renews while it holds the case; a case whose
 *   lease ran out (its process died) goes back to pending and is run again;
 * - a result is written only where the case is still running under the same claim.
 * So a case is recorded exactly once, and its upstream call is made once unless the process
 * running it died (or stalled past its lease) after sending the call and before recording
 * the answer: that call is made again.
 * Cancel (another request, maybe another instance) sets the experiment's status; the runner
 * reads it four times a second, and no call starts after it sees it; calls already in flight
 * finish and their results are kept (the cases not started go back to pending).
 */

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

/**
 * Starts running an experiment in this process, unless it already runs here. With several
 * workers (PROMPTLY_WORKERS) the lead runs every experiment: one runner per experiment, at
 * the concurrency it asked for; a lead that is being replaced resumes it when it starts.
 */
export function startExperiment(id: string): Promise<void> {
  if (!runsBackgroundJobs()) return broadcast("start-experiment", id);
  const running = state.active.get(id);
  if (running) return running;
  const run = runExperiment(id)
    .catch((error) => console.error(`[promptly] experiment ${id} stopped:`, error))
    .finally(() => state.active.delete(id));
  state.active.set(id, run);
  return run;
}

onBroadcast("start-experiment", (id) => {
  if (runsBackgroundJobs()) void startExperiment(id);
});

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

async function runExperiment(id: string): Promise<void> {
  const experiment = await db.experiment.findUnique({ where: { id } });
  if (!experiment || !UNFINISHED.includes(experiment.status)) return;
  await db.experiment.updateMany({ where: { id, status: "queued" }, data: { status: "running", startedAt: new Date() } });
  const targets = experiment.targets as unknown as ExperimentTarget[];
  const scorers = experiment.scorers as unknown as ScorerSnapshot[];
  const feed = new CaseFeed(id, experiment.concurrency, new ItemCache(experiment.datasetId, experiment.datasetVersion), () => state.stopping);

  const worker = async () => {
    for (;;) {
      const claimed = await feed.next();
      if (!claimed) return;
      await runClaimed(id, claimed, targets, scorers, feed);
    }
  };
  try {
    await Promise.all(Array.from({ length: experiment.concurrency }, worker));
  } finally {
    await feed.close();
  }
  if (state.stopping || feed.cancelled) return;
  const left = await db.experimentCase.count({ where: { experimentId: id, status: { in: ["pending", "running"] } } });
  if (left === 0) await markExperimentCompleted(id);
}

async function runClaimed(experimentId: string, claimed: Claimed, targets: ExperimentTarget[], scorers: ScorerSnapshot[], feed: CaseFeed): Promise<void> {
  const controller = new AbortController();
  state.controllers.add(controller);
  try {
    const target = targets[claimed.targetIndex];
    const result = claimed.item
      ? await runCase(experimentId, target, claimed.item, scorers, controller.signal)
      : { status: "errored" as const, input: null, output: null, latencyMs: null, promptTokens: null, completionTokens: null, totalTokens: null, costUsd: null, error: "the dataset item is gone", scores: null, passed: null };
    const claim = { id: claimed.id, token: claimed.token };
    // Aborted by shutdown: the case runs again on the next start.
    if (state.stopping) await requeueCase(claim);
    else await writeCaseResult(claim, result);
  } finally {
    feed.finished(claimed.id);
    state.controllers.delete(controller);
  }
}
