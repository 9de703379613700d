import { recordChange } from "@/lib/audit/record";
import { db } from "@/lib/core/db";
import { badRequest, notFound } from "@/lib/core/http/errors";
import { bumpPromptCacheGeneration } from "./cache";
import { retryOnUniqueViolation } from "./db-helpers";
import { collectionIdFromBody, findPromptOr404, virtualKeyIdFromBody } from "./lookup";
import { promptSettingsData } from "./prompt-settings";
import { parsePromptRef } from "./resolve";
import { assertSavable } from "./save-checks";
import { VERSION_FIELD_NAMES, type UpdatePromptInput } from "./schemas";
import { EMPTY_VERSION, fieldsOfVersion, mergeVersionFields, versionRowData } from "./version-data";

/**
 * PUT /prompts/ID.
 * - `name`, `collection_id`, `strict_variables` and `settings` belong to the prompt, not to
 *   a version: alone they change the prompt without a new version, and with version fields
 *   they are applied in the same transaction.
 * - Any version field makes a new, unpublished version numbered max+1. Omitted fields are
 *   taken from the LATEST version (published or not), so an edit never silently drops
 *   tools, a model or a virtual key; `null` clears a field.
 * - Without `patch: true`, `string` is required (as Portkey requires it): a full save must
 *   say what the template is. With `patch: true`, everything omitted is inherited.
 */
export async function updatePrompt(raw: string, input: UpdatePromptInput, createdById: string | null = null) {
  const prompt = await findPromptOr404(parsePromptRef(raw).key);
  const metadata = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.collection_id !== undefined ? { collectionId: await collectionIdFromBody(input.collection_id) } : {}),
    ...promptSettingsData(input),
  };
  const savesVersion = VERSION_FIELD_NAMES.some((field) => input[field] !== undefined);

  if (!savesVersion) {
    if (Object.keys(metadata).length > 0) {
      await db.$transaction(async (tx) => {
        await tx.prompt.update({ where: { id: prompt.id }, data: metadata });
        await recordChange(tx, { action: "prompt.update", target: { type: "prompt", id: prompt.id, name: prompt.slug }, before: { name: prompt.name, collection_id: prompt.collectionId }, after: input });
      });
      await bumpPromptCacheGeneration(); // name, strict mode and settings are part of a resolved prompt
    }
    const current = prompt.publishedVersionId ?? (await latestVersionId(prompt.id));
    return { id: prompt.id, slug: prompt.slug, prompt_version_id: current };
  }
  if (!input.patch && input.string === undefined) {
    throw badRequest("string is required to save a new version (or send patch: true to keep the latest template)", "string");
  }
  const virtualKeyId = input.virtual_key === undefined ? undefined : await virtualKeyIdFromBody(input.virtual_key);
  // Checked against the latest version as read now (partials are looked up, which can't wait
  // inside the write transaction); a save racing this one merges onto the same fields.
  const current = await db.promptVersion.findFirst({ where: { promptId: prompt.id }, orderBy: { version: "desc" } });
  const checked = mergeVersionFields(current ? fieldsOfVersion(current) : EMPTY_VERSION, input, virtualKeyId);
  await assertSavable({ ...checked, templateType: versionRowData(checked).templateType });

  // Numbers are assigned inside the transaction, after a write on the prompt row: that write
  // takes SQLite's write lock first, so concurrent saves queue up and each sees the max the
  // previous one committed. The unique (promptId, version) index plus the retry covers
  // writers in other processes or on databases that lock differently.
  const version = await retryOnUniqueViolation(() =>
    db.$transaction(async (tx) => {
      const touched = await tx.prompt.updateMany({ where: { id: prompt.id }, data: { ...metadata, updatedAt: new Date() } });
      // Deleted since it was looked up (a concurrent DELETE): a 404, not a failed update.
      if (touched.count === 0) throw notFound(`Prompt '${raw}' not found`);
      const latest = await tx.promptVersion.findFirst({ where: { promptId: prompt.id }, orderBy: { version: "desc" } });
      const base = latest ? fieldsOfVersion(latest) : EMPTY_VERSION;
      const data = versionRowData(mergeVersionFields(base, input, virtualKeyId));
      const version = await tx.promptVersion.create({
        data: { ...data, promptId: prompt.id, version: (latest?.version ?? 0) + 1, createdById },
      });
      await recordChange(tx, { action: "version.create", target: { type: "prompt", id: prompt.id, name: prompt.slug }, before: latest ? { version: latest.version } : null, after: { version: version.version, version_id: version.id, ...input }, details: { prompt: { id: prompt.id, slug: prompt.slug }, version: version.version } });
      return version;
    }),
  );
  await bumpPromptCacheGeneration();
  return { id: prompt.id, slug: prompt.slug, prompt_version_id: version.id };
}

async function latestVersionId(promptId: string): Promise<string | null> {
  const latest = await db.promptVersion.findFirst({ where: { promptId }, orderBy: { version: "desc" }, select: { id: true } });
  return latest?.id ?? null;
}
