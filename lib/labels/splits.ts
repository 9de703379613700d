import type { Caller } from "@/lib/auth/caller";
import { db } from "@/lib/core/db";
import { badRequest, conflict } from "@/lib/core/http/errors";
import { bumpPromptCacheGeneration } from "@/lib/prompts/cache";
import { recordChange } from "@/lib/audit/record";
import { actorOf, assertMayMove, moveLabel, promptAndLabel, splitOf } from "./moves";
import type { LabelSplitInput } from "./schemas";

/**
 * Canary splits: a label serves its version (the baseline) to most callers and a candidate
 * to `weight` percent of them, chosen per caller at request time (lib/prompts/split.ts).
 * Starting or changing a split, promoting the candidate and aborting are label moves: the
 * same protection (a protected label's split needs the publish permission, like moving it)
 * and a row of the label's history each.
 */

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

async function assignmentOr409(tx: Tx, promptId: string, label: { id: string; name: string }) {
  const current = await tx.promptLabel.findUnique({
    where: { promptId_labelId: { promptId, labelId: label.id } },
    select: { versionId: true, candidateVersionId: true, candidateWeight: true, version: { select: { version: true } } },
  });
  if (!current) throw conflict(`Label '${label.name}' is not set on this prompt: point it at a baseline version first`, "label_not_set");
  return current;
}

/** PUT /prompts/ID/labels/LABEL/split: starts a canary, or changes its candidate or weight. */
export async function setLabelSplit(promptRef: string, labelRef: string, input: LabelSplitInput, caller: Caller) {
  const { prompt, label } = await promptAndLabel(promptRef, labelRef);
  assertMayMove(label, caller);
  await db.$transaction(async (tx) => {
    const current = await assignmentOr409(tx, prompt.id, label);
    const candidate = await tx.promptVersion.findUnique({ where: { promptId_version: { promptId: prompt.id, version: input.candidate_version } }, select: { id: true, version: true } });
    if (!candidate) throw badRequest(`Version ${input.candidate_version} of prompt '${promptRef}' not found`, "candidate_version");
    if (candidate.id === current.versionId) throw badRequest(`Label '${label.name}' already serves version ${candidate.version}: pick another candidate`, "candidate_version", "candidate_is_baseline");
    if (current.candidateVersionId === candidate.id && current.candidateWeight === input.weight) return;
    await tx.promptLabel.update({
      where: { promptId_labelId: { promptId: prompt.id, labelId: label.id } },
      data: { candidateVersionId: candidate.id, candidateWeight: input.weight },
    });
    await tx.labelMove.create({
      data: {
        promptId: prompt.id,
        labelId: label.id,
        fromVersionId: current.versionId,
        fromVersion: current.version.version,
        toVersionId: candidate.id,
        toVersion: candidate.version,
        weight: input.weight,
        via: "split",
        ...actorOf(caller),
      },
    });
    const previous = current.candidateVersionId ? await tx.promptVersion.findUnique({ where: { id: current.candidateVersionId }, select: { version: true } }) : null;
    await recordSplit(tx, caller, prompt.id, label, { version: current.version.version, candidate_version: previous?.version ?? null, weight: current.candidateWeight }, { version: current.version.version, candidate_version: candidate.version, weight: input.weight, via: "split" });
  });
  await bumpPromptCacheGeneration();
  return splitState(prompt.id, label);
}

/** POST /prompts/ID/labels/LABEL/split/promote: the candidate serves every caller. */
export async function promoteLabelSplit(promptRef: string, labelRef: string, caller: Caller) {
  const { prompt, label } = await promptAndLabel(promptRef, labelRef);
  assertMayMove(label, caller);
  await db.$transaction(async (tx) => {
    const current = await assignmentOr409(tx, prompt.id, label);
    const candidate = current.candidateVersionId ? await tx.promptVersion.findUnique({ where: { id: current.candidateVersionId }, select: { id: true, version: true } }) : null;
    if (!candidate) throw conflict(`Label '${label.name}' has no canary on this prompt`, "no_split");
    await moveLabel(tx, { promptId: prompt.id, label, version: candidate, caller, via: "promote" });
  });
  await bumpPromptCacheGeneration();
  return splitState(prompt.id, label);
}

/** POST /prompts/ID/labels/LABEL/split/abort: the baseline serves every caller again. */
export async function abortLabelSplit(promptRef: string, labelRef: string, caller: Caller) {
  const { prompt, label } = await promptAndLabel(promptRef, labelRef);
  assertMayMove(label, caller);
  await db.$transaction(async (tx) => {
    const current = await assignmentOr409(tx, prompt.id, label);
    if (!current.candidateVersionId) throw conflict(`Label '${label.name}' has no canary on this prompt`, "no_split");
    const candidate = await tx.promptVersion.findUnique({ where: { id: current.candidateVersionId }, select: { version: true } });
    await tx.promptLabel.update({ where: { promptId_labelId: { promptId: prompt.id, labelId: label.id } }, data: { candidateVersionId: null, candidateWeight: null } });
    await tx.labelMove.create({
      data: {
        promptId: prompt.id,
        labelId: label.id,
        fromVersionId: current.candidateVersionId,
        fromVersion: candidate?.version ?? null,
        toVersionId: current.versionId,
        toVersion: current.version.version,
        via: "abort",
        ...actorOf(caller),
      },
    });
    await recordSplit(tx, caller, prompt.id, label, { version: current.version.version, candidate_version: candidate?.version ?? null, weight: current.candidateWeight }, { version: current.version.version, candidate_version: null, weight: null, via: "abort" });
  });
  await bumpPromptCacheGeneration();
  return splitState(prompt.id, label);
}

/** A split started, re-weighted or aborted: an audit row and a label.moved webhook event. */
function recordSplit(tx: Tx, caller: Caller, promptId: string, label: { id: string; name: string }, before: Record<string, unknown>, after: Record<string, unknown>) {
  return recordChange(tx, {
    actor: caller,
    action: "label.split",
    target: { type: "label", id: label.id, name: label.name },
    before: { prompt_id: promptId, ...before },
    after: { prompt_id: promptId, ...after },
    details: { prompt: { id: promptId }, label: label.name, split: after },
  });
}

async function splitState(promptId: string, label: { id: string; name: string }) {
  const row = await db.promptLabel.findUnique({
    where: { promptId_labelId: { promptId, labelId: label.id } },
    select: { candidateVersionId: true, candidateWeight: true, version: { select: { version: true } } },
  });
  return { label: label.name, version: row?.version.version ?? null, split: row ? await splitOf(row) : null };
}
