import { recordChange } from "@/lib/audit/record";
import { db } from "@/lib/core/db";
import { conflict, notFound } from "@/lib/core/http/errors";
import type { Prisma, Prompt, PromptVersion } from "@/lib/generated/prisma/client";
import { bumpPromptCacheGeneration } from "./cache";
import { isUniqueViolation, jsonOrNull, retryOnUniqueViolation } from "./db-helpers";
import { collectionIdFromBody, findPromptOr404 } from "./lookup";
import { parsePromptRef, pickVersion } from "./resolve";
import type { DuplicatePromptInput } from "./schemas";
import { promptSlug } from "./slug";

const target = (prompt: Pick<Prompt, "id" | "slug">) => ({ type: "prompt", id: prompt.id, name: prompt.slug });

/** A version row's content, to insert under another prompt (ids, prompt and labels are the copy's own). */
function copiedVersion(version: PromptVersion) {
  return {
    templateType: version.templateType,
    template: version.template,
    model: version.model,
    virtualKeyId: version.virtualKeyId,
    parameters: (version.parameters ?? {}) as Prisma.InputJsonValue,
    tools: jsonOrNull(version.tools),
    toolChoice: jsonOrNull(version.toolChoice),
    responseFormat: jsonOrNull(version.responseFormat),
    functions: jsonOrNull(version.functions),
    templateMetadata: jsonOrNull(version.templateMetadata),
    description: version.description,
  };
}

/**
 * POST /prompts/ID/duplicate: a new prompt (new id and slug, "<name> (copy)" unless named,
 * same folder unless given, same prompt settings). Without history its v1 copies one
 * version (the published one unless `version` says otherwise) and is published; with
 * history every version is copied with its number, description, author and date, and the
 * copy of the original's published version is published. Labels are not copied.
 */
export async function duplicatePrompt(raw: string, input: DuplicatePromptInput, createdById: string | null = null) {
  const ref = parsePromptRef(raw);
  const source = await findPromptOr404(ref.key);
  const collectionId = input.collection_id === undefined ? source.collectionId : await collectionIdFromBody(input.collection_id);
  const versions = input.history
    ? await db.promptVersion.findMany({ where: { promptId: source.id }, orderBy: { version: "asc" } })
    : [await pickVersion(source, input.version !== undefined ? { kind: "version", number: input.version } : ref.selector, ref.key)];
  if (versions.length === 0) throw notFound(`Prompt '${ref.key}' has no versions`);
  const name = input.name ?? `${source.name} (copy)`;

  const create = () =>
    db.$transaction(async (tx) => {
      const prompt = await tx.prompt.create({
        data: {
          slug: input.slug ?? promptSlug(name),
          name,
          collectionId,
          strictVariables: source.strictVariables,
          settings: jsonOrNull(source.settings),
        },
      });
      let published: string | null = null;
      for (const [index, version] of versions.entries()) {
        const copy = await tx.promptVersion.create({
          data: {
            ...copiedVersion(version),
            promptId: prompt.id,
            ...(input.history
              ? { version: version.version, createdById: version.createdById, createdAt: version.createdAt }
              : { version: index + 1, createdById, description: `Duplicated from ${source.slug} v${version.version}` }),
          },
        });
        if (!input.history || version.id === source.publishedVersionId) published = copy.id;
      }
      // With history but nothing published on the original: the copy serves its latest, as the original does.
      if (published) await tx.prompt.update({ where: { id: prompt.id }, data: { publishedVersionId: published } });
      await recordChange(tx, {
        action: "prompt.duplicate",
        target: target(prompt),
        before: { id: source.id, slug: source.slug, name: source.name },
        after: { name, slug: prompt.slug, collection_id: collectionId, history: input.history, versions: versions.map((v) => v.version) },
        details: { prompt: { id: prompt.id, slug: prompt.slug }, source: { id: source.id, slug: source.slug } },
      });
      return { prompt, published };
    });
  const { prompt, published } = input.slug
    ? await create().catch((error) => {
        throw isUniqueViolation(error) ? conflict(`A prompt with slug '${input.slug}' already exists`, "slug_taken") : error;
      })
    : await retryOnUniqueViolation(create);
  await bumpPromptCacheGeneration();
  return { id: prompt.id, slug: prompt.slug, name: prompt.name, version_id: published, versions: versions.length, object: "prompt" as const };
}

/** The labels pointing at a prompt's versions, as "name (vN)", oldest move first. */
export async function labelsOnPrompt(tx: Prisma.TransactionClient, promptId: string): Promise<string[]> {
  const labels = await tx.promptLabel.findMany({
    where: { promptId },
    select: { label: { select: { name: true } }, version: { select: { version: true } } },
    orderBy: { updatedAt: "asc" },
  });
  return labels.map((l) => `${l.label.name} (v${l.version.version})`);
}

/**
 * POST /prompts/ID/archive: hidden from the list (unless asked for) and refused by
 * completions and render with a 409, kept with every version, label and log. A label on it
 * means something runs it, so that is refused with a 409 naming the labels unless `force`.
 * Archiving an archived prompt changes nothing.
 */
export async function archivePrompt(raw: string, options: { force?: boolean } = {}) {
  const key = parsePromptRef(raw).key;
  const archivedAt = await db.$transaction(async (tx) => {
    const prompt = await tx.prompt.findFirst({ where: { OR: [{ id: key }, { slug: key }] } });
    if (!prompt) throw notFound(`Prompt '${key}' not found`);
    if (prompt.archivedAt) return prompt.archivedAt;
    if (!options.force) {
      const labels = await labelsOnPrompt(tx, prompt.id);
      if (labels.length > 0) {
        throw conflict(
          `Prompt '${prompt.slug}' is in use by label${labels.length > 1 ? "s" : ""} ${labels.join(", ")}: move the labels or archive with ?force=true`,
          "prompt_in_use",
        );
      }
    }
    const now = new Date();
    await tx.prompt.update({ where: { id: prompt.id }, data: { archivedAt: now } });
    await recordChange(tx, { action: "prompt.archive", target: target(prompt), before: { archived_at: null }, after: { archived_at: now.toISOString(), force: options.force === true } });
    return now;
  });
  await bumpPromptCacheGeneration(); // resolutions carry the archived flag
  return { archived_at: archivedAt.toISOString() };
}

/** POST /prompts/ID/restore: back in the list and runnable. Restoring an active prompt changes nothing. */
export async function restorePrompt(raw: string) {
  const prompt = await findPromptOr404(parsePromptRef(raw).key);
  if (prompt.archivedAt) {
    await db.$transaction(async (tx) => {
      await tx.prompt.update({ where: { id: prompt.id }, data: { archivedAt: null } });
      await recordChange(tx, { action: "prompt.restore", target: target(prompt), before: { archived_at: prompt.archivedAt?.toISOString() }, after: { archived_at: null } });
    });
    await bumpPromptCacheGeneration();
  }
  return { archived_at: null };
}
