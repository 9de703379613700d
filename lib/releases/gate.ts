import { db } from "@/lib/core/db";
import { ApiError, conflict, notFound } from "@/lib/core/http/errors";
import { datasetOr404 } from "@/lib/datasets/datasets";
import { createExperiment } from "@/lib/experiments/experiments";
import { createExperimentSchema, type ExperimentScorerInput } from "@/lib/experiments/schemas";
import { snapshotScorers } from "@/lib/experiments/scorer-specs";
import type { Prisma } from "@/lib/generated/prisma/client";
import { promptAndLabel } from "@/lib/labels/moves";
import type { LabelGateInput } from "./schemas";

/**
 * Evaluation gates: per prompt and label, a dataset, scorers and a minimum pass rate. A
 * release request to a gated label runs an experiment on its candidate when it is opened;
 * it merges only once that run finished at or above the bar (or an admin overrides, saying why).
 */

type GateRow = Prisma.LabelGateGetPayload<object>;

function gateResponse(gate: GateRow) {
  return {
    dataset_id: gate.datasetId,
    dataset_version: gate.datasetVersion,
    scorers: gate.scorers as unknown as ExperimentScorerInput[],
    min_pass_rate: gate.minPassRate,
    updated_at: gate.updatedAt.toISOString(),
  };
}

/** GET /prompts/ID/labels/LABEL/gate: the gate, or `{gate: null}`. */
export async function getLabelGate(promptRef: string, labelRef: string) {
  const { prompt, label } = await promptAndLabel(promptRef, labelRef);
  const gate = await db.labelGate.findUnique({ where: { promptId_labelId: { promptId: prompt.id, labelId: label.id } } });
  return { label: label.name, gate: gate ? gateResponse(gate) : null };
}

/** PUT /prompts/ID/labels/LABEL/gate (settings): sets or replaces it; applies to requests opened from now on. */
export async function setLabelGate(promptRef: string, labelRef: string, input: LabelGateInput) {
  const { prompt, label } = await promptAndLabel(promptRef, labelRef);
  await datasetOr404(input.dataset_id);
  // A scorer that would only fail when a request opens (an unknown saved id) is refused now.
  await snapshotScorers(input.scorers);
  const data = {
    datasetId: input.dataset_id,
    datasetVersion: input.dataset_version ?? null,
    scorers: input.scorers as Prisma.InputJsonValue,
    minPassRate: input.min_pass_rate,
  };
  const gate = await db.labelGate.upsert({
    where: { promptId_labelId: { promptId: prompt.id, labelId: label.id } },
    create: { promptId: prompt.id, labelId: label.id, ...data },
    update: data,
  });
  return { label: label.name, gate: gateResponse(gate) };
}

/** DELETE /prompts/ID/labels/LABEL/gate (settings). */
export async function deleteLabelGate(promptRef: string, labelRef: string) {
  const { prompt, label } = await promptAndLabel(promptRef, labelRef);
  const { count } = await db.labelGate.deleteMany({ where: { promptId: prompt.id, labelId: label.id } });
  if (count === 0) throw notFound(`Label '${label.name}' has no evaluation gate on this prompt`);
  return { label: label.name, gate: null };
}

/** Starts the gate's experiment on a candidate, if the label is gated on this prompt: what the request records. */
export async function startGateRun(
  promptId: string,
  label: { id: string; name: string },
  candidate: { version: number; slug: string },
  createdById: string | null,
): Promise<{ gateExperimentId: string; gateMinPassRate: number } | null> {
  const gate = await db.labelGate.findUnique({ where: { promptId_labelId: { promptId, labelId: label.id } } });
  if (!gate) return null;
  const input = createExperimentSchema.parse({
    name: `Release gate: ${candidate.slug}@${label.name} v${candidate.version}`,
    dataset_id: gate.datasetId,
    ...(gate.datasetVersion ? { dataset_version: gate.datasetVersion } : {}),
    targets: [{ prompt: `${promptId}@${candidate.version}` }],
    scorers: gate.scorers,
  });
  try {
    const experiment = await createExperiment(input, createdById);
    return { gateExperimentId: experiment.id, gateMinPassRate: gate.minPassRate };
  } catch (error) {
    // A gate whose dataset or scorer is gone can't judge the candidate: say so, not "not found".
    if (error instanceof ApiError && error.status < 500) throw conflict(`The evaluation gate of label '${label.name}' can't run: ${error.message}. Fix or remove the gate (settings)`, "gate_unavailable");
    throw error;
  }
}

export type GateStatus = "pending" | "running" | "passed" | "failed";

export interface GateState {
  status: GateStatus;
  experiment_id: string;
  min_pass_rate: number;
  /** Passed over finished cases so far; null before any finished. */
  pass_rate: number | null;
  finished: number;
  total: number;
  /** An admin's reason for merging below the bar. */
  override_reason: string | null;
}

/** Pure: the gate's status from its experiment's status and counts. */
export function gateStatus(experimentStatus: string, counts: { finished: number; passed: number }, minPassRate: number): { status: GateStatus; passRate: number | null } {
  const passRate = counts.finished ? Math.round((counts.passed / counts.finished) * 10_000) / 10_000 : null;
  if (experimentStatus === "queued") return { status: "pending", passRate };
  if (experimentStatus === "running") return { status: "running", passRate };
  // Completed at or above the bar passes; a cancelled or failed run never does.
  const passed = experimentStatus === "completed" && passRate !== null && passRate >= minPassRate;
  return { status: passed ? "passed" : "failed", passRate };
}

/** The gate's state on a request, or null when its label had no gate when it was opened. */
export async function gateStateOf(row: { gateExperimentId: string | null; gateMinPassRate: number | null; gateOverride: string | null }): Promise<GateState | null> {
  if (!row.gateExperimentId || row.gateMinPassRate === null) return null;
  const [experiment, groups] = await Promise.all([
    db.experiment.findUnique({ where: { id: row.gateExperimentId }, select: { status: true, totalCases: true } }),
    db.experimentCase.groupBy({ by: ["status", "passed"], where: { experimentId: row.gateExperimentId, status: { in: ["done", "errored"] } }, _count: { _all: true } }),
  ]);
  let finished = 0;
  let passed = 0;
  for (const group of groups) {
    finished += group._count._all;
    if (group.status === "done" && group.passed === true) passed += group._count._all;
  }
  const { status, passRate } = gateStatus(experiment?.status ?? "failed", { finished, passed }, row.gateMinPassRate);
  return {
    status,
    experiment_id: row.gateExperimentId,
    min_pass_rate: row.gateMinPassRate,
    pass_rate: passRate,
    finished,
    total: experiment?.totalCases ?? 0,
    override_reason: row.gateOverride,
  };
}
