import { db } from "@/lib/db";
import { badRequest, notFound } from "@/lib/http/errors";
import { findLabel } from "@/lib/labels/labels";
import { bumpPromptCacheGeneration } from "./cache";
import { findPromptOr404 } from "./lookup";
import { parsePromptRef } from "./resolve";
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

// VID is the version's uuid; a plain number is accepted too, for people typing URLs.
async function versionOf(promptId: string, key: string, versionRef: string) {
  const where = /^\d+$/.test(versionRef)
    ? { promptId, version: Number(versionRef) }
    : { promptId, id: versionRef };
  const version = await db.promptVersion.findFirst({ where, include: versionInclude });
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
 */
export async function setPromptVersionLabel(raw: string, versionRef: string, input: UpdateVersionInput) {
  const key = parsePromptRef(raw).key;
  const prompt = await findPromptOr404(key);
  const version = await versionOf(prompt.id, key, versionRef);
  const label = await findLabel(input.label_id);
  if (!label) throw badRequest(`Label '${input.label_id}' not found`, "label_id");
  await db.promptLabel.upsert({
    where: { promptId_labelId: { promptId: prompt.id, labelId: label.id } },
    create: { promptId: prompt.id, labelId: label.id, versionId: version.id },
    update: { versionId: version.id },
  });
  bumpPromptCacheGeneration();
  return {};
}

/** PUT /prompts/ID/makeDefault: publishes version N. */
export async function publishPromptVersion(raw: string, input: MakeDefaultInput) {
  const key = parsePromptRef(raw).key;
  const prompt = await findPromptOr404(key);
  const version = await db.promptVersion.findUnique({
    where: { promptId_version: { promptId: prompt.id, version: input.version } },
    select: { id: true },
  });
  if (!version) throw notFound(`Version ${input.version} of prompt '${key}' not found`);
  await db.prompt.update({ where: { id: prompt.id }, data: { publishedVersionId: version.id } });
  bumpPromptCacheGeneration();
  return {};
}
