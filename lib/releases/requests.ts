import { recordChange } from "@/lib/audit/record";
import type { Caller } from "@/lib/auth/caller";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/core/db";
import { badRequest, conflict, forbidden, notFound } from "@/lib/core/http/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { findLabel } from "@/lib/labels/labels";
import { actorOf, moveLabel } from "@/lib/labels/moves";
import { bumpPromptCacheGeneration } from "@/lib/prompts/cache";
import { pageArgs } from "@/lib/prompts/db-helpers";
import { findPromptOr404 } from "@/lib/prompts/lookup";
import { versionDiff, type VersionFacts } from "./diff";
import { gateStateOf, startGateRun, type GateState } from "./gate";
import type { CreateReleaseRequestInput, ListReleaseRequestsQuery, MergeReleaseRequestInput, ReviewReleaseRequestInput } from "./schemas";

/**
 * Release requests: anyone who may edit proposes a version for a label; members other than
 * the author approve or reject; once the label's required approvals are in, anyone who may
 * edit merges it, which moves the label in one transaction (and records the move). This is
 * how a protected label moves without a publisher.
 */

const include = {
  label: { select: { id: true, name: true, protected: true, requiredApprovals: true } },
  prompt: { select: { id: true, name: true, slug: true } },
  reviews: { orderBy: { createdAt: "asc" } },
} satisfies Prisma.ReleaseRequestInclude;
type Row = Prisma.ReleaseRequestGetPayload<{ include: typeof include }>;

const FACTS = { version: true, templateType: true, template: true, model: true, virtualKeyId: true, parameters: true, tools: true, toolChoice: true, responseFormat: true } as const;

function approvalsOf(row: Row): number {
  return row.reviews.filter((review) => review.decision === "approve" && review.userId !== row.authorUserId).length;
}

/** Why the request can't be merged now (and the merge's error code), or null. */
function blockage(row: Row, gate: GateState | null): { message: string; code: string } | null {
  if (row.status !== "open") return { message: `The request is ${row.status}`, code: "not_open" };
  const approvals = approvalsOf(row);
  if (approvals < row.label.requiredApprovals) {
    const message = `Label '${row.label.name}' needs ${row.label.requiredApprovals} approval${row.label.requiredApprovals === 1 ? "" : "s"} from members other than the author; this request has ${approvals}`;
    return { message, code: "approvals_missing" };
  }
  if (gate && gate.status !== "passed") {
    const rate = gate.pass_rate === null ? "" : `: pass rate ${gate.pass_rate}, the bar is ${gate.min_pass_rate}`;
    return { message: `The evaluation gate of label '${row.label.name}' is ${gate.status}${rate}`, code: "gate_not_passed" };
  }
  return null;
}

const blockedBy = (row: Row, gate: GateState | null) => blockage(row, gate)?.message ?? null;

async function present(row: Row) {
  return serialize(row, await gateStateOf(row));
}

function serialize(row: Row, gate: GateState | null) {
  const blocked = blockedBy(row, gate);
  return {
    id: row.id,
    prompt: { id: row.prompt.id, name: row.prompt.name, slug: row.prompt.slug },
    label: { id: row.label.id, name: row.label.name, protected: row.label.protected },
    version: row.version,
    base_version: row.baseVersion,
    comment: row.comment,
    status: row.status,
    author: row.author,
    required_approvals: row.label.requiredApprovals,
    approvals: approvalsOf(row),
    reviews: row.reviews.map((review) => ({ reviewer: review.reviewer, decision: review.decision, comment: review.comment, created_at: review.createdAt.toISOString() })),
    gate,
    mergeable: blocked === null,
    blocked_by: blocked,
    merged_by: row.mergedBy,
    merged_at: row.mergedAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

async function requestOr404(id: string): Promise<Row> {
  const row = await db.releaseRequest.findUnique({ where: { id }, include });
  if (!row) throw notFound(`Release request '${id}' not found`);
  return row;
}

/** POST /release-requests */
export async function createReleaseRequest(input: CreateReleaseRequestInput, caller: Caller) {
  const prompt = await findPromptOr404(input.prompt_id);
  const label = await findLabel(input.label);
  if (!label) throw badRequest(`Label '${input.label}' not found`, "label");
  const candidate = await db.promptVersion.findUnique({ where: { promptId_version: { promptId: prompt.id, version: input.version } }, select: { id: true, version: true } });
  if (!candidate) throw badRequest(`Version ${input.version} of prompt '${input.prompt_id}' not found`, "version");
  const current = await db.promptLabel.findUnique({ where: { promptId_labelId: { promptId: prompt.id, labelId: label.id } }, select: { versionId: true, version: { select: { version: true } } } });
  if (current?.versionId === candidate.id) throw conflict(`Label '${label.name}' already serves version ${candidate.version}`, "already_released");
  const { userId, apiKeyId, actor } = actorOf(caller);
  // Before the request exists: a gate that can't run (an empty dataset) refuses the request.
  const gate = await startGateRun(prompt.id, label, { version: candidate.version, slug: prompt.slug }, userId);
  const row = await db.releaseRequest.create({
    data: {
      promptId: prompt.id,
      labelId: label.id,
      versionId: candidate.id,
      version: candidate.version,
      baseVersionId: current?.versionId ?? null,
      baseVersion: current?.version.version ?? null,
      comment: input.comment ?? null,
      authorUserId: caller.kind === "session" ? userId : null,
      authorKeyId: apiKeyId,
      author: actor,
      ...gate,
    },
    include,
  });
  await recordChange(db, { actor: caller, action: "release.request", target: { type: "release_request", id: row.id, name: `${prompt.slug}@${label.name}` }, after: serialize(row, null) });
  return present(row);
}

/** GET /release-requests: newest first, by prompt and status. */
export async function listReleaseRequests(query: ListReleaseRequestsQuery) {
  const prompt = query.prompt_id ? await findPromptOr404(query.prompt_id) : null;
  const where: Prisma.ReleaseRequestWhereInput = { ...(prompt ? { promptId: prompt.id } : {}), ...(query.status ? { status: query.status } : {}) };
  const [rows, total] = await Promise.all([
    db.releaseRequest.findMany({ where, include, orderBy: [{ createdAt: "desc" }, { id: "desc" }], ...pageArgs(query) }),
    db.releaseRequest.count({ where }),
  ]);
  return { total, data: await Promise.all(rows.map(present)) };
}

/** GET /release-requests/ID: with the diff of the candidate against what the label serves now. */
export async function getReleaseRequest(id: string) {
  const row = await requestOr404(id);
  const current = await db.promptLabel.findUnique({ where: { promptId_labelId: { promptId: row.promptId, labelId: row.labelId } }, select: { version: { select: FACTS } } });
  const candidate = await db.promptVersion.findUnique({ where: { id: row.versionId }, select: FACTS });
  if (!candidate) throw notFound(`Version ${row.version} no longer exists`);
  const base: VersionFacts | null = current?.version ?? null;
  return { ...(await present(row)), current_version: base?.version ?? null, diff: versionDiff(base, candidate) };
}

/** POST /release-requests/ID/reviews: a person, never the author, approves or rejects. */
export async function reviewReleaseRequest(id: string, input: ReviewReleaseRequestInput, caller: Caller) {
  if (caller.kind !== "session") throw forbidden("A release is reviewed by a member, signed in: API keys can't approve or reject");
  const row = await requestOr404(id);
  if (row.status !== "open") throw conflict(`The request is ${row.status}`, "not_open");
  if (row.authorUserId === caller.userId) throw forbidden("You opened this request: another member reviews it");
  await db.$transaction(async (tx) => {
    await tx.releaseReview.upsert({
      where: { requestId_userId: { requestId: row.id, userId: caller.userId } },
      create: { requestId: row.id, userId: caller.userId, reviewer: caller.email, decision: input.decision, comment: input.comment ?? null },
      update: { decision: input.decision, comment: input.comment ?? null, createdAt: new Date() },
    });
    // A rejection ends the request: its author opens a new one for a new candidate.
    if (input.decision === "reject") await tx.releaseRequest.updateMany({ where: { id: row.id, status: "open" }, data: { status: "rejected" } });
    await recordChange(tx, { actor: caller, action: input.decision === "approve" ? "release.approve" : "release.reject", target: { type: "release_request", id: row.id, name: `${row.prompt.slug}@${row.label.name}` }, after: { decision: input.decision, comment: input.comment ?? null }, details: { release_request: serialize(row, null) } });
  });
  return present(await requestOr404(id));
}

/**
 * POST /release-requests/ID/merge: moves the label to the candidate once the approvals are
 * in and the evaluation gate (if any) passed. Refused when the label moved since the request
 * was opened (the reviews judged a diff against another version): the author opens a new
 * request. An admin merges below the gate with `override_reason`, recorded on the request and
 * in the label's history.
 */
export async function mergeReleaseRequest(id: string, input: MergeReleaseRequestInput, caller: Caller) {
  const row = await requestOr404(id);
  const gate = await gateStateOf(row);
  const blocked = blockage(row, gate);
  const override = blocked?.code === "gate_not_passed" && input.override_reason !== undefined;
  if (override && !can(caller, "settings")) throw forbidden("Only an admin (the owner or an admin API key) merges a release below its evaluation gate");
  if (blocked && !override) throw conflict(blocked.message, blocked.code);
  const reason = override ? input.override_reason : undefined;
  const { actor } = actorOf(caller);
  await db.$transaction(async (tx) => {
    // Exactly one merge wins a race: the status changes only while still open.
    const claimed = await tx.releaseRequest.updateMany({ where: { id: row.id, status: "open" }, data: { status: "merged", mergedBy: actor, mergedAt: new Date(), gateOverride: reason ?? null } });
    if (claimed.count === 0) throw conflict("The request is no longer open", "not_open");
    const current = await tx.promptLabel.findUnique({ where: { promptId_labelId: { promptId: row.promptId, labelId: row.labelId } }, select: { versionId: true } });
    if ((current?.versionId ?? null) !== row.baseVersionId) throw conflict(`Label '${row.label.name}' moved since this request was opened: open a new one against what it serves now`, "stale_request");
    const candidate = await tx.promptVersion.findUnique({ where: { id: row.versionId }, select: { id: true, version: true } });
    if (!candidate) throw conflict(`Version ${row.version} no longer exists`, "stale_request");
    await moveLabel(tx, { promptId: row.promptId, label: row.label, version: candidate, caller, via: "release", releaseRequestId: row.id, reason });
    await recordChange(tx, { actor: caller, action: "release.merge", target: { type: "release_request", id: row.id, name: `${row.prompt.slug}@${row.label.name}` }, before: { version: row.baseVersion }, after: { version: row.version, ...(reason ? { override_reason: reason } : {}) }, details: { release_request: serialize(row, null) } });
  });
  await bumpPromptCacheGeneration();
  return present(await requestOr404(id));
}

/** POST /release-requests/ID/close: the author, or someone who may publish, withdraws it. */
export async function closeReleaseRequest(id: string, caller: Caller) {
  const row = await requestOr404(id);
  const isAuthor = caller.kind === "session" ? row.authorUserId === caller.userId : row.authorKeyId === caller.apiKeyId;
  if (!isAuthor && !can(caller, "publish")) throw forbidden("Only the author or a publisher closes a release request");
  const closed = await db.releaseRequest.updateMany({ where: { id, status: "open" }, data: { status: "closed" } });
  if (closed.count === 0) throw conflict(`The request is ${row.status}`, "not_open");
  await recordChange(db, { actor: caller, action: "release.close", target: { type: "release_request", id, name: `${row.prompt.slug}@${row.label.name}` }, before: { status: row.status }, after: { status: "closed" } });
  return present(await requestOr404(id));
}
