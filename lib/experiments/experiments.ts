import { randomUUID } from "node:crypto";
import { BoundedLru } from "@/lib/core/cache/bounded-lru";
import { db } from "@/lib/core/db";
import { runtimeSlot } from "@/lib/core/runtime";
import { ApiError, badRequest, conflict, notFound } from "@/lib/core/http/errors";
import { Prisma, type Experiment, type ExperimentCase } from "@/lib/generated/prisma/client";
import { datasetOr404, versionOf, versionWhere } from "@/lib/datasets/datasets";
import { findPromptOr404 } from "@/lib/prompts/lookup";
import { parsePromptRef, resolvePromptVersion } from "@/lib/prompts/resolve";
import { engineRef } from "./run-case";
import { startExperiment } from "./runner";
import { MAX_CASES, type CompareQuery, type CreateExperimentInput, type ExperimentTarget, type ListExperimentsQuery, type ResultsQuery } from "./schemas";
import { snapshotScorers, type ScorerSnapshot } from "./scorer-specs";
import { compareCases, summarizeTarget, summaryDeltas, type CaseOutcome, type CaseScore } from "./summary";

/** Experiments: create (cases inserted up front, then run by lib/experiments/runner.ts), read, cancel, compare. */

const INSERT_BATCH = 500;

async function checkTargets(targets: readonly ExperimentTarget[]): Promise<void> {
  for (const [index, target] of targets.entries()) {
    try {
      await resolvePromptVersion(engineRef(target.prompt));
    } catch (error) {
      if (error instanceof ApiError && error.status < 500) throw badRequest(`Target ${index + 1}: ${error.message}`, `targets.${index}.prompt`, "invalid_target");
      throw error;
    }
  }
}

export async function createExperiment(input: CreateExperimentInput, createdById: string | null) {
  const dataset = await datasetOr404(input.dataset_id);
  const version = versionOf(dataset, input.dataset_version);
  await checkTargets(input.targets);
  const scorers = await snapshotScorers(input.scorers);
  const items = await db.datasetItem.findMany({ where: versionWhere(dataset.id, version), select: { itemId: true, position: true }, orderBy: { position: "asc" } });
  if (items.length === 0) throw badRequest(`Version ${version} of dataset '${dataset.name}' has no items`, "dataset_id", "empty_dataset");
  const total = items.length * input.targets.length * input.repetitions;
  if (total > MAX_CASES) throw badRequest(`${total} cases (items × targets × repetitions) is more than the limit of ${MAX_CASES}`, "repetitions", "too_many_cases");

  const experiment = await db.$transaction(
    async (tx) => {
      const created = await tx.experiment.create({
        data: {
          name: input.name ?? null,
          datasetId: dataset.id,
          datasetVersion: version,
          status: "queued",
          concurrency: input.concurrency,
          repetitions: input.repetitions,
          targets: input.targets as Prisma.InputJsonValue,
          scorers: scorers as unknown as Prisma.InputJsonValue,
          totalCases: total,
          createdById,
        },
      });
      const rows: Prisma.Sql[] = [];
      for (const item of items) {
        for (let targetIndex = 0; targetIndex < input.targets.length; targetIndex++) {
          for (let repetition = 0; repetition < input.repetitions; repetition++) {
            rows.push(Prisma.sql`(${randomUUID()}, ${created.id}, ${item.itemId}, ${item.position}, ${targetIndex}, ${repetition}, 'pending', 0)`);
          }
        }
      }
      // Raw multi-row INSERTs: through createMany a row cost about half a millisecond of CPU
      // (the query compiler), which a 2,000-case experiment paid before its first call.
      for (let at = 0; at < rows.length; at += INSERT_BATCH) {
        await tx.$executeRaw`INSERT INTO "experiment_case" ("id", "experimentId", "itemId", "position", "targetIndex", "repetition", "status", "attempts") VALUES ${Prisma.join(rows.slice(at, at + INSERT_BATCH))}`;
      }
      return created;
    },
    { timeout: 120_000 },
  );
  void startExperiment(experiment.id);
  return getExperiment(experiment.id);
}

async function experimentOr404(id: string): Promise<Experiment> {
  const experiment = await db.experiment.findUnique({ where: { id } });
  if (!experiment) throw notFound(`Experiment '${id}' not found`);
  return experiment;
}

type Progress = { total: number; pending: number; running: number; done: number; errored: number };

async function progressOf(ids: string[]): Promise<Map<string, Progress>> {
  const groups = await db.experimentCase.groupBy({ by: ["experimentId", "status"], where: { experimentId: { in: ids } }, _count: { _all: true } });
  const byId = new Map<string, Progress>(ids.map((id) => [id, { total: 0, pending: 0, running: 0, done: 0, errored: 0 }]));
  for (const group of groups) {
    const progress = byId.get(group.experimentId);
    if (!progress) continue;
    progress.total += group._count._all;
    if (group.status in progress) progress[group.status as keyof Progress] += group._count._all;
  }
  return byId;
}

/** Per target, how many cases finished and passed: what a list shows without reading every case. */
type TargetStats = { target: number; finished: number; passed: number; pass_rate: number | null };

async function targetStatsOf(ids: string[]): Promise<Map<string, TargetStats[]>> {
  const groups = await db.experimentCase.groupBy({
    by: ["experimentId", "targetIndex", "status", "passed"],
    where: { experimentId: { in: ids }, status: { in: ["done", "errored"] } },
    _count: { _all: true },
  });
  const byId = new Map<string, Map<number, TargetStats>>();
  for (const group of groups) {
    const targets = byId.get(group.experimentId) ?? new Map<number, TargetStats>();
    const stats = targets.get(group.targetIndex) ?? { target: group.targetIndex, finished: 0, passed: 0, pass_rate: null };
    stats.finished += group._count._all;
    if (group.status === "done" && group.passed === true) stats.passed += group._count._all;
    stats.pass_rate = Math.round((stats.passed / stats.finished) * 10_000) / 10_000;
    targets.set(group.targetIndex, stats);
    byId.set(group.experimentId, targets);
  }
  return new Map([...byId].map(([id, targets]) => [id, [...targets.values()].sort((a, b) => a.target - b.target)]));
}

/** Ids of the experiments with a target on this prompt, however the target named it (id or slug). */
async function experimentIdsForPrompt(promptRef: string, where: Prisma.ExperimentWhereInput): Promise<string[]> {
  const prompt = await findPromptOr404(promptRef);
  const rows = await db.experiment.findMany({ where, select: { id: true, targets: true } });
  const names = new Set([prompt.id, prompt.slug]);
  return rows.filter((row) => (row.targets as unknown as ExperimentTarget[]).some((target) => names.has(parsePromptRef(target.prompt).key))).map((row) => row.id);
}

function experimentResponse(experiment: Experiment, progress: Progress) {
  return {
    id: experiment.id,
    name: experiment.name,
    status: experiment.status,
    dataset_id: experiment.datasetId,
    dataset_version: experiment.datasetVersion,
    targets: experiment.targets as unknown as ExperimentTarget[],
    scorers: experiment.scorers as unknown as ScorerSnapshot[],
    repetitions: experiment.repetitions,
    concurrency: experiment.concurrency,
    progress,
    created_at: experiment.createdAt.toISOString(),
    started_at: experiment.startedAt?.toISOString() ?? null,
    finished_at: experiment.finishedAt?.toISOString() ?? null,
  };
}

export async function listExperiments(query: ListExperimentsQuery) {
  const where: Prisma.ExperimentWhereInput = { ...(query.dataset_id ? { datasetId: query.dataset_id } : {}), ...(query.status ? { status: query.status } : {}) };
  // Targets are JSON, queried alike on SQLite and PostgreSQL only in code: the ids first.
  if (query.prompt_id) where.id = { in: await experimentIdsForPrompt(query.prompt_id, where) };
  const [rows, total] = await Promise.all([
    db.experiment.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "asc" }], skip: query.current_page * query.page_size, take: query.page_size }),
    db.experiment.count({ where }),
  ]);
  const ids = rows.map((row) => row.id);
  const [progress, stats] = await Promise.all([progressOf(ids), targetStatsOf(ids)]);
  return { total, data: rows.map((row) => ({ ...experimentResponse(row, progress.get(row.id)!), target_stats: stats.get(row.id) ?? [] })) };
}

const OUTCOME_FIELDS = { itemId: true, targetIndex: true, status: true, passed: true, latencyMs: true, scores: true } as const;

async function outcomesOf(experimentId: string): Promise<CaseOutcome[]> {
  const rows = await db.experimentCase.findMany({ where: { experimentId }, select: OUTCOME_FIELDS });
  return rows.map((row) => ({ ...row, scores: (row.scores ?? null) as CaseScore[] | null }));
}

type Summary = { targets: ReturnType<typeof summarizeTarget>[] };

/**
 * A running experiment's summary reads every finished case: pages and scripts that poll it
 * share one computation a second (progress counts stay exact). A finished experiment's is
 * read fresh: it no longer changes, and is asked for rarely.
 */
const SUMMARY_FRESH_MS = 1_000;
const runningSummaries = runtimeSlot("experiment-running-summaries", () => new BoundedLru<{ at: number; summary: Summary }>({ maxEntries: 64, maxBytes: 1 << 20, sizeOf: (entry) => 256 * entry.summary.targets.length }));

async function summaryOf(experiment: Experiment): Promise<Summary> {
  const running = experiment.status === "running" || experiment.status === "queued";
  const held = running ? runningSummaries.get(experiment.id) : undefined;
  if (held && Date.now() - held.at < SUMMARY_FRESH_MS) return held.summary;
  const outcomes = await outcomesOf(experiment.id);
  const targets = experiment.targets as unknown as ExperimentTarget[];
  const summary = { targets: targets.map((_, index) => summarizeTarget(index, outcomes)) };
  if (running) runningSummaries.set(experiment.id, { at: Date.now(), summary });
  else runningSummaries.delete(experiment.id);
  return summary;
}

/** Status, progress counts and, per target, the summary of what finished so far. */
export async function getExperiment(id: string) {
  const experiment = await experimentOr404(id);
  const [progress, summary] = await Promise.all([progressOf([id]), summaryOf(experiment)]);
  return { ...experimentResponse(experiment, progress.get(id)!), summary };
}

function caseResponse(row: ExperimentCase) {
  return {
    id: row.id,
    item_id: row.itemId,
    target: row.targetIndex,
    repetition: row.repetition,
    status: row.status,
    /** Times a runner took this case: above 1 only when a runner died holding it. */
    attempts: row.attempts,
    input: row.input ?? null,
    output: row.output,
    latency_ms: row.latencyMs,
    usage: row.totalTokens === null ? null : { prompt_tokens: row.promptTokens, completion_tokens: row.completionTokens, total_tokens: row.totalTokens },
    cost_usd: row.costUsd,
    error: row.error,
    scores: row.scores ?? null,
    passed: row.passed,
    finished_at: row.finishedAt?.toISOString() ?? null,
  };
}

// Opaque to callers: base64url of the offset in the fixed case order (cases never move once created).
const encodeCursor = (offset: number) => Buffer.from(String(offset), "utf8").toString("base64url");
function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  if (!/^\d{1,9}$/.test(text)) throw badRequest("Invalid cursor: pass back the next_cursor of a previous page", "cursor");
  return Number(text);
}

/** Every case in item order (then target, repetition), a page at a time. */
export async function listResults(id: string, query: ResultsQuery) {
  await experimentOr404(id);
  const offset = query.cursor ? decodeCursor(query.cursor) : 0;
  const rows = await db.experimentCase.findMany({
    where: { experimentId: id, ...(query.target === undefined ? {} : { targetIndex: query.target }) },
    orderBy: [{ position: "asc" }, { targetIndex: "asc" }, { repetition: "asc" }],
    skip: offset,
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  return { data: page.map(caseResponse), next_cursor: rows.length > query.limit ? encodeCursor(offset + query.limit) : null };
}

/** Stops new calls (runners read the status before every claim); what finished is kept. */
export async function cancelExperiment(id: string) {
  const experiment = await experimentOr404(id);
  const { count } = await db.experiment.updateMany({ where: { id, status: { in: ["queued", "running"] } }, data: { status: "cancelled", finishedAt: new Date() } });
  if (count === 0 && experiment.status !== "cancelled") throw conflict(`Experiment '${id}' is already ${experiment.status}`, "experiment_finished");
  return getExperiment(id);
}

/**
 * Per target, against a baseline: a target of this experiment (`baseline_target`), or another
 * experiment (`baseline`), whose target of the same index is the baseline (its first when it
 * has fewer targets). Items are matched by id: compare runs of one dataset.
 */
export async function compareExperiment(id: string, query: CompareQuery) {
  const experiment = await experimentOr404(id);
  const targets = experiment.targets as unknown as ExperimentTarget[];
  const outcomes = await outcomesOf(id);
  let baselineOutcomes = outcomes;
  let baselineTargets = targets.length;
  if (query.baseline !== undefined) {
    const baseline = await experimentOr404(query.baseline);
    baselineOutcomes = await outcomesOf(baseline.id);
    baselineTargets = (baseline.targets as unknown as ExperimentTarget[]).length;
  } else if (query.baseline_target! >= targets.length) {
    throw badRequest(`This experiment has ${targets.length} target(s): baseline_target is 0 to ${targets.length - 1}`, "baseline_target");
  }
  const compared = targets
    .map((_, target) => ({ target, baselineTarget: query.baseline_target ?? (target < baselineTargets ? target : 0) }))
    .filter(({ target, baselineTarget }) => query.baseline !== undefined || target !== baselineTarget)
    .map(({ target, baselineTarget }) => {
      const mine = outcomes.filter((c) => c.targetIndex === target);
      const theirs = baselineOutcomes.filter((c) => c.targetIndex === baselineTarget);
      const summary = summarizeTarget(target, mine);
      const baselineSummary = summarizeTarget(baselineTarget, theirs);
      return { target, baseline_target: baselineTarget, summary, baseline_summary: baselineSummary, deltas: summaryDeltas(summary, baselineSummary), ...compareCases(mine, theirs) };
    });
  return { experiment_id: id, baseline: { experiment_id: query.baseline ?? id, target: query.baseline_target ?? null }, targets: compared };
}
