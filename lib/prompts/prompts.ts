import { recordChange } from "@/lib/audit/record";
import { db } from "@/lib/core/db";
import { findCollection } from "@/lib/collections/collections";
import { conflict, notFound } from "@/lib/core/http/errors";
import { bumpPromptCacheGeneration } from "./cache";
import { isUniqueViolation, pageArgs, retryOnUniqueViolation } from "./db-helpers";
import { collectionIdFromBody, findPromptOr404, virtualKeyIdFromBody } from "./lookup";
import { labelsOnPrompt } from "./manage";
import { promptSettingsData, promptSettingsOut } from "./prompt-settings";
import { parsePromptRef, pickVersion } from "./resolve";
import type { CreatePromptInput, ListPromptsQuery } from "./schemas";
import { archiveStatus, promptAtVersion, withRefs } from "./serialize";
import { assertSavable } from "./save-checks";
import { promptSlug } from "./slug";
import { EMPTY_VERSION, mergeVersionFields, versionRowData } from "./version-data";

/**
 * POST /prompts: the prompt and its v1, which is published at once (Portkey's behaviour),
 * unless `publish: false` asks for a draft (the app's New prompt dialog does).
 */
export async function createPrompt(input: CreatePromptInput, createdById: string | null = null) {
  const collectionId = await collectionIdFromBody(input.collection_id);
  const virtualKeyId = await virtualKeyIdFromBody(input.virtual_key);
  const fields = mergeVersionFields(EMPTY_VERSION, input, virtualKeyId);
  const data = versionRowData(fields);
  await assertSavable({ ...fields, templateType: data.templateType });
  const create = () =>
    db.$transaction(async (tx) => {
      const prompt = await tx.prompt.create({ data: { slug: input.slug ?? promptSlug(input.name), name: input.name, collectionId, ...promptSettingsData(input) } });
      const version = await tx.promptVersion.create({ data: { ...data, promptId: prompt.id, version: 1, createdById } });
      if (input.publish !== false) await tx.prompt.update({ where: { id: prompt.id }, data: { publishedVersionId: version.id } });
      await recordChange(tx, { action: "prompt.create", target: { type: "prompt", id: prompt.id, name: prompt.slug }, after: { name: prompt.name, slug: prompt.slug, collection_id: collectionId, version: 1 }, details: { prompt: { id: prompt.id, slug: prompt.slug }, version: 1 } });
      return { prompt, version };
    });
  // The random slug suffix may collide (1 in 16M): retry with a new one. A chosen slug that is taken is the caller's conflict.
  const { prompt, version } = input.slug
    ? await create().catch((error) => {
        throw isUniqueViolation(error) ? conflict(`A prompt with slug '${input.slug}' already exists`, "slug_taken") : error;
      })
    : await retryOnUniqueViolation(create);
  await bumpPromptCacheGeneration();
  return { id: prompt.id, slug: prompt.slug, version_id: version.id, object: "prompt" as const };
}

/** GET /prompts: newest activity first, with each prompt's published version summary. */
export async function listPrompts(query: ListPromptsQuery) {
  let collectionId: string | undefined;
  if (query.collection_id) {
    const collection = await findCollection(query.collection_id);
    if (!collection) throw notFound(`Collection '${query.collection_id}' not found`);
    collectionId = collection.id;
  }
  const where = {
    ...(collectionId ? { collectionId } : {}),
    ...(query.archived === "all" ? {} : { archivedAt: query.archived === "true" ? { not: null } : null }),
    ...(query.search ? { OR: [{ name: { contains: query.search } }, { slug: { contains: query.search } }] } : {}),
  };
  const [rows, total] = await Promise.all([
    db.prompt.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      include: {
        publishedVersion: { select: { id: true, version: true, model: true, templateType: true } },
        // The list shows where each label points, so a row tells what production runs.
        labels: { select: { labelId: true, label: { select: { name: true } }, version: { select: { version: true } } }, orderBy: { updatedAt: "asc" } },
      },
      ...pageArgs(query),
    }),
    db.prompt.count({ where }),
  ]);
  const data = rows.map((prompt) => ({
    id: prompt.id,
    slug: prompt.slug,
    name: prompt.name,
    collection_id: prompt.collectionId,
    ...promptSettingsOut(prompt),
    model: prompt.publishedVersion?.model ?? null,
    template_type: prompt.publishedVersion?.templateType ?? null,
    prompt_version: prompt.publishedVersion?.version ?? null,
    prompt_version_id: prompt.publishedVersion?.id ?? null,
    labels: prompt.labels.map((l) => ({ id: l.labelId, name: l.label.name, prompt_version: l.version.version })),
    ...archiveStatus(prompt),
    created_at: prompt.createdAt.toISOString(),
    last_updated_at: prompt.updatedAt.toISOString(),
    last_used_at: prompt.lastUsedAt?.toISOString() ?? null,
    object: "prompt" as const,
  }));
  return { data, total };
}

/** GET /prompts/PROMPT: the published version, or the one an @suffix selects. */
export async function getPrompt(raw: string) {
  const ref = parsePromptRef(raw);
  const prompt = await findPromptOr404(ref.key);
  const version = await pickVersion(prompt, ref.selector, ref.key);
  return promptAtVersion(prompt, await withRefs(version));
}

/**
 * DELETE /prompts/ID: the prompt with all its versions and label assignments. A label that
 * points at one of its versions means something (production traffic, say) runs it, so the
 * delete is refused with a 409 naming the labels unless `force` is set. The check and the
 * delete share one transaction: a label moved onto the prompt in between can't be missed.
 */
export async function deletePrompt(raw: string, options: { force?: boolean } = {}) {
  const key = parsePromptRef(raw).key;
  await db.$transaction(async (tx) => {
    const prompt = await tx.prompt.findFirst({ where: { OR: [{ id: key }, { slug: key }] }, select: { id: true, slug: true, name: true } });
    if (!prompt) throw notFound(`Prompt '${key}' not found`);
    if (!options.force) {
      const labels = await labelsOnPrompt(tx, prompt.id);
      if (labels.length > 0) {
        const names = labels.join(", ");
        throw conflict(
          `Prompt '${prompt.slug}' is in use by label${labels.length > 1 ? "s" : ""} ${names}: move the labels or delete with ?force=true`,
          "prompt_in_use",
        );
      }
    }
    await tx.prompt.delete({ where: { id: prompt.id } });
    await recordChange(tx, { action: "prompt.delete", target: { type: "prompt", id: prompt.id, name: prompt.slug }, before: { name: prompt.name, slug: prompt.slug }, after: { force: options.force === true } });
  });
  await bumpPromptCacheGeneration();
  return {};
}
