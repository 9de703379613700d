import { recordChange } from "@/lib/audit/record";
import { db } from "@/lib/core/db";
import { badRequest, notFound } from "@/lib/core/http/errors";
import type { Caller } from "@/lib/auth/caller";
import { findLabel } from "@/lib/labels/labels";
import { assertMayMove, moveLabel } from "@/lib/labels/moves";
import { bumpPromptCacheGeneration } from "./cache";
import { fitsInt } from "./db-helpers";
import { findPromptOr404 } from "./lookup";
import { parsePromptRef } from "./resolve";
import { assertPublishable } from "./save-checks";
import type { MakeDefaultInput, UpdateVersionInput } from "./schemas";
import { promptAtVersion, versionInclude, versionListEntry } from "./serialize";

/** GET /prompts/ID/versions: every version, newest first. */
export async function listPromptVersions(raw: string) {
  const prompt = await findPromptOr404(parsePromptRef(raw).key);
  const versions = await db.promptVersion.findMany({
    where: { promptId: prompt.id },
    orderBy: { version: "desc" },
    include: versionInclude,
  });
  return versions.map((version) => versionListEntry(prompt, version));
}

type Tx = Pick<typeof db, "promptVersion">;

// VID is the version's uuid; a plain number is accepted too, for people typing URLs.
async function versionOf(promptId: string, key: string, versionRef: string, tx: Tx = db) {
  const number = /^\d+$/.test(versionRef) ? Number(versionRef) : null;
  const where = number !== null ? { promptId, version: number } : { promptId, id: versionRef };
  const version = number !== null && !fitsInt(number) ? null : await tx.promptVersion.findFirst({ where, include: versionInclude });
  if (!version) throw notFound(`Version '${versionRef}' of prompt '${key}' not found`);
  return version;
}

/** GET /prompts/ID/versions/VID: the prompt as it is at that version. */
export async function getPromptVersion(raw: string, versionRef: string) {
  const key = parsePromptRef(raw).key;
  const prompt = await findPromptOr404(key);
  return promptAtVersion(prompt, await versionOf(prompt.id, key, versionRef));
}

/**
 * PUT /prompts/ID/versions/VID: versions are immutable, the only change is pointing a
 * label (by id or name) at this version for this prompt, moving it from wherever it was.
 * The lookups and the move are one transaction: a prompt deleted meanwhile is a 404, never
 * a half-made move or a foreign-key error. A protected label is moved only by those who
 * may publish; the move is recorded in the label's history.
 */
export async function setPromptVersionLabel(raw: string, versionRef: string, input: UpdateVersionInput, caller: Caller) {
  const key = parsePromptRef(raw).key;
  await findPromptOr404(key); // a missing prompt is named before a missing label
  // Outside the transaction: the first label read of a process seeds the system labels.
  const label = await findLabel(input.label_id);
  if (!label) throw badRequest(`Label '${input.label_id}' not found`, "label_id");
  assertMayMove(label, caller);
  await db.$transaction(async (tx) => {
    const prompt = await promptIn(tx, key);
    const version = await versionOf(prompt.id, key, versionRef, tx);
    if (!(await tx.label.findUnique({ where: { id: label.id }, select: { id: true } }))) {
      throw badRequest(`Label '${input.label_id}' not found`, "label_id");
    }
    await moveLabel(tx, { promptId: prompt.id, label, version, caller, via: "direct" });
  });
  await bumpPromptCacheGeneration();
  return {};
}

/** PUT /prompts/ID/makeDefault: publishes version N, in one transaction with its lookups. */
export async function publishPromptVersion(raw: string, input: MakeDefaultInput) {
  const key = parsePromptRef(raw).key;
  await db.$transaction(async (tx) => {
    const prompt = await promptIn(tx, key);
    const version = await tx.promptVersion.findUnique({
      where: { promptId_version: { promptId: prompt.id, version: input.version } },
      select: { id: true, templateType: true, template: true, tools: true, responseFormat: true },
    });
    if (!version) throw notFound(`Version ${input.version} of prompt '${key}' not found`);
    const templateType = version.templateType === "completion" ? "completion" : "chat";
    assertPublishable(input.version, { templateType, string: version.template, tools: version.tools, responseFormat: version.responseFormat });
    const before = await tx.prompt.update({ where: { id: prompt.id }, data: { publishedVersionId: version.id }, select: { slug: true } });
    await recordChange(tx, { action: "version.publish", target: { type: "prompt", id: prompt.id, name: before.slug }, after: { version: input.version, version_id: version.id }, details: { prompt: { id: prompt.id, slug: before.slug }, version: input.version } });
  });
  await bumpPromptCacheGeneration();
  return {};
}

async function promptIn(tx: Pick<typeof db, "prompt">, key: string) {
  const prompt = await tx.prompt.findFirst({ where: { OR: [{ id: key }, { slug: key }] }, select: { id: true } });
  if (!prompt) throw notFound(`Prompt '${key}' not found`);
  return prompt;
}
