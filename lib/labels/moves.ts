import { recordChange } from "@/lib/audit/record";
import { callerIds, type Caller } from "@/lib/auth/caller";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/core/db";
import { ApiError, conflict, notFound } from "@/lib/core/http/errors";
import type { Label } from "@/lib/generated/prisma/client";
import { bumpPromptCacheGeneration } from "@/lib/prompts/cache";
import { findPromptOr404 } from "@/lib/prompts/lookup";
import { findLabel } from "./labels";
import type { LabelHistoryQuery } from "./schemas";

/**
 * Moving a label on a prompt, the one way every path takes (a direct move, a rollback, a
 * merged release request): the protection check, the pointer, and a row of history, in the
 * caller's transaction.
 */

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];
/** A canary's start or change is "split"; its end "promote" (to the candidate) or "abort" (back to the baseline). */
export type MoveVia = "direct" | "rollback" | "release" | "split" | "promote" | "abort";

/** Who did it, as the history and release requests record it. */
export function actorOf(caller: Caller): { userId: string | null; apiKeyId: string | null; actor: string } {
  return { ...callerIds(caller), actor: caller.kind === "session" ? caller.email : `API key ${caller.apiKeyId.slice(0, 8)}` };
}

export function assertMayMove(label: Pick<Label, "name" | "protected">, caller: Caller): void {
  if (!label.protected || can(caller, "publish")) return;
  throw new ApiError(
    403,
    `Label '${label.name}' is protected: only the owner, admin keys and publishers move it directly; open a release request (POST /v1/release-requests) instead`,
    "permission_error",
    "label_protected",
  );
}

export interface Move {
  promptId: string;
  label: Pick<Label, "id" | "name" | "protected">;
  version: { id: string; version: number };
  caller: Caller;
  via: MoveVia;
  releaseRequestId?: string;
  /** Why an admin merged a release below its evaluation gate. */
  reason?: string;
}

/**
 * Points the label at the version, ending any canary on it (the version now serves every
 * caller); false when it already pointed there without a canary (nothing recorded).
 */
export async function moveLabel(tx: Tx, move: Move): Promise<boolean> {
  const where = { promptId_labelId: { promptId: move.promptId, labelId: move.label.id } };
  const current = await tx.promptLabel.findUnique({ where, select: { versionId: true, candidateVersionId: true, version: { select: { version: true } } } });
  if (current?.versionId === move.version.id && !current.candidateVersionId) return false;
  await tx.promptLabel.upsert({
    where,
    create: { promptId: move.promptId, labelId: move.label.id, versionId: move.version.id },
    update: { versionId: move.version.id, candidateVersionId: null, candidateWeight: null },
  });
  await tx.labelMove.create({
    data: {
      promptId: move.promptId,
      labelId: move.label.id,
      fromVersionId: current?.versionId ?? null,
      fromVersion: current?.version.version ?? null,
      toVersionId: move.version.id,
      toVersion: move.version.version,
      ...actorOf(move.caller),
      via: move.via,
      releaseRequestId: move.releaseRequestId ?? null,
      reason: move.reason ?? null,
    },
  });
  await recordChange(tx, {
    actor: move.caller,
    action: "label.move",
    target: { type: "label", id: move.label.id, name: move.label.name },
    before: { prompt_id: move.promptId, version: current?.version.version ?? null },
    after: { prompt_id: move.promptId, version: move.version.version, via: move.via, release_request_id: move.releaseRequestId ?? null },
    details: { prompt: { id: move.promptId }, label: move.label.name, from_version: current?.version.version ?? null, to_version: move.version.version, via: move.via },
  });
  return true;
}

export async function promptAndLabel(promptRef: string, labelRef: string) {
  const prompt = await findPromptOr404(promptRef);
  const label = await findLabel(labelRef);
  if (!label) throw notFound(`Label '${labelRef}' not found`);
  return { prompt, label };
}

/** GET /prompts/ID/labels/LABEL/history: every move, newest first. */
export async function labelHistory(promptRef: string, labelRef: string, query: LabelHistoryQuery) {
  const { prompt, label } = await promptAndLabel(promptRef, labelRef);
  const [moves, current] = await Promise.all([
    db.labelMove.findMany({ where: { promptId: prompt.id, labelId: label.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: query.limit }),
    db.promptLabel.findUnique({
      where: { promptId_labelId: { promptId: prompt.id, labelId: label.id } },
      select: { version: { select: { version: true } }, candidateVersionId: true, candidateWeight: true },
    }),
  ]);
  return {
    label: { id: label.id, name: label.name, protected: label.protected, required_approvals: label.requiredApprovals },
    current_version: current?.version.version ?? null,
    split: current ? await splitOf(current) : null,
    data: moves.map((move) => ({
      id: move.id,
      from_version: move.fromVersion,
      to_version: move.toVersion,
      actor: move.actor,
      via: move.via,
      release_request_id: move.releaseRequestId,
      weight: move.weight,
      reason: move.reason,
      created_at: move.createdAt.toISOString(),
    })),
  };
}

/** A label's canary as the API shows it: the candidate's number and its share in percent; null without one. */
export async function splitOf(row: { candidateVersionId: string | null; candidateWeight: number | null }) {
  if (!row.candidateVersionId || !row.candidateWeight) return null;
  const candidate = await db.promptVersion.findUnique({ where: { id: row.candidateVersionId }, select: { version: true } });
  return candidate ? { candidate_version: candidate.version, candidate_version_id: row.candidateVersionId, weight: row.candidateWeight } : null;
}

/**
 * POST /prompts/ID/labels/LABEL/rollback: back to the version the label served before its
 * latest move, recorded as a move of its own (so a second rollback goes forward again).
 */
export async function rollbackLabel(promptRef: string, labelRef: string, caller: Caller) {
  const { prompt, label } = await promptAndLabel(promptRef, labelRef);
  assertMayMove(label, caller);
  const moved = await db.$transaction(async (tx) => {
    const latest = await tx.labelMove.findFirst({ where: { promptId: prompt.id, labelId: label.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
    if (!latest?.fromVersionId) throw conflict(`Label '${label.name}' has no earlier version to return to on this prompt`, "nothing_to_roll_back");
    const previous = await tx.promptVersion.findUnique({ where: { id: latest.fromVersionId }, select: { id: true, version: true } });
    if (!previous) throw conflict(`Version ${latest.fromVersion} no longer exists`, "nothing_to_roll_back");
    await moveLabel(tx, { promptId: prompt.id, label, version: previous, caller, via: "rollback" });
    return previous.version;
  });
  await bumpPromptCacheGeneration();
  return { label: label.name, version: moved };
}
