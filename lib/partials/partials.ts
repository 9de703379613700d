import { recordChange } from "@/lib/audit/record";
import { db } from "@/lib/core/db";
import type { Partial, PartialVersion } from "@/lib/generated/prisma/client";
import { conflict, notFound } from "@/lib/core/http/errors";
import { bumpPromptCacheGeneration } from "@/lib/prompts/cache";
import { isUniqueViolation, pageArgs, retryOnUniqueViolation } from "@/lib/prompts/db-helpers";
import type { ListQuery } from "@/lib/prompts/schemas";
import { uniqueSlug } from "@/lib/prompts/slug";
import { partialUsage, promptsUsingPartial } from "./usage";
import type { CreatePartialInput, PublishPartialInput, UpdatePartialInput } from "./schemas";

/** A partial by id or slug, or null. */
export function findPartial(ref: string): Promise<Partial | null> {
  return db.partial.findFirst({ where: { OR: [{ id: ref }, { slug: ref }] } });
}

export async function partialOr404(ref: string): Promise<Partial> {
  const partial = await findPartial(ref);
  if (!partial) throw notFound(`Partial '${ref}' not found`);
  return partial;
}

/** The published version, or the latest when none is published. */
export async function publishedPartialVersion(partial: Partial): Promise<PartialVersion | null> {
  if (partial.publishedVersionId) {
    const published = await db.partialVersion.findUnique({ where: { id: partial.publishedVersionId } });
    if (published) return published;
  }
  return db.partialVersion.findFirst({ where: { partialId: partial.id }, orderBy: { version: "desc" } });
}

/** The label names on each version of a partial, by version id. */
async function labelsByVersion(partialId: string): Promise<Map<string, string[]>> {
  const rows = await db.partialLabel.findMany({ where: { partialId }, include: { label: { select: { name: true } } } });
  const out = new Map<string, string[]>();
  for (const row of rows) out.set(row.versionId, [...(out.get(row.versionId) ?? []), row.label.name].sort());
  return out;
}

function partialResponse(partial: Partial, version: PartialVersion | null) {
  return {
    id: partial.id,
    slug: partial.slug,
    name: partial.name,
    string: version?.template ?? "",
    version: version?.version ?? null,
    version_id: version?.id ?? null,
    version_description: version?.description ?? null,
    status: "active" as const,
    created_at: partial.createdAt.toISOString(),
    updated_at: partial.updatedAt.toISOString(),
  };
}

/**
 * POST /prompts/partials. The slug comes from the name (templates include the partial as
 * `{{>slug}}`, so it should be guessable), made unique with -2, -3...; v1 is published.
 */
export async function createPartial(input: CreatePartialInput) {
  const create = async (slug: string) => {
    // A new partial may already be included by templates written before it existed.
    const prompts = await promptsUsingPartial({ id: slug, slug });
    return db.$transaction(async (tx) => {
      const partial = await tx.partial.create({ data: { slug, name: input.name } });
      const version = await tx.partialVersion.create({
        data: { partialId: partial.id, version: 1, template: input.string, description: input.version_description ?? null },
      });
      await tx.partial.update({ where: { id: partial.id }, data: { publishedVersionId: version.id } });
      await recordChange(tx, partialChange("partial.create", partial, prompts, null, { name: input.name, version: 1, string: input.string }));
      return { partial, version };
    });
  };
  const chosen = input.slug;
  const { partial, version } = chosen
    ? await create(chosen).catch((error) => {
        throw isUniqueViolation(error) ? conflict(`A partial with slug '${chosen}' already exists`, "slug_taken") : error;
      })
    : await retryOnUniqueViolation(async () => create(await uniqueSlug(input.name, "partial", async (s) => (await findPartial(s)) !== null)));
  await bumpPromptCacheGeneration();
  return { id: partial.id, slug: partial.slug, version_id: version.id };
}

export async function listPartials(query: ListQuery) {
  const where = query.search
    ? { OR: [{ name: { contains: query.search } }, { slug: { contains: query.search } }] }
    : {};
  const [rows, total] = await Promise.all([
    db.partial.findMany({ where, orderBy: [{ updatedAt: "desc" }, { id: "asc" }], include: { publishedVersion: true }, ...pageArgs(query) }),
    db.partial.count({ where }),
  ]);
  return { data: rows.map((partial) => partialResponse(partial, partial.publishedVersion)), total };
}

export async function getPartial(ref: string) {
  const partial = await partialOr404(ref);
  const [version, labels] = await Promise.all([publishedPartialVersion(partial), labelsByVersion(partial.id)]);
  // Every version's labels: the published one's alone would hide where the others point.
  const versionLabels = labels.size === 0 ? [] : await db.partialVersion.findMany({ where: { id: { in: [...labels.keys()] } }, select: { id: true, version: true } });
  return {
    ...partialResponse(partial, version),
    labels: version ? (labels.get(version.id) ?? []) : [],
    version_labels: versionLabels
      .sort((a, b) => b.version - a.version)
      .map((row) => ({ version: row.version, labels: labels.get(row.id) ?? [] })),
  };
}

/**
 * PUT /prompts/partials/ID: a new `string` makes a new, unpublished version (max+1, numbered
 * inside the transaction after a write on the partial row, as for prompts); `name` alone
 * only renames. The slug never changes: templates include the partial by it.
 */
export async function updatePartial(ref: string, input: UpdatePartialInput) {
  const partial = await partialOr404(ref);
  const name = input.name !== undefined ? { name: input.name } : {};
  let versionId = partial.publishedVersionId;
  const prompts = await promptsUsingPartial(partial);
  if (input.string !== undefined) {
    const template = input.string;
    const version = await retryOnUniqueViolation(() =>
      db.$transaction(async (tx) => {
        await tx.partial.update({ where: { id: partial.id }, data: { ...name, updatedAt: new Date() } });
        const latest = await tx.partialVersion.findFirst({ where: { partialId: partial.id }, orderBy: { version: "desc" } });
        const version = await tx.partialVersion.create({
          data: {
            partialId: partial.id,
            version: (latest?.version ?? 0) + 1,
            template,
            description: input.version_description ?? input.description ?? null,
          },
        });
        await recordChange(tx, partialChange("partial.update", partial, prompts, { name: partial.name, version: latest?.version ?? null, string: latest?.template ?? null }, { name: input.name ?? partial.name, version: version.version, string: template }));
        return version;
      }),
    );
    versionId = version.id;
  } else if (input.name !== undefined) {
    await db.$transaction(async (tx) => {
      await tx.partial.update({ where: { id: partial.id }, data: name });
      await recordChange(tx, partialChange("partial.update", partial, prompts, { name: partial.name }, { name: input.name }));
    });
  }
  await bumpPromptCacheGeneration();
  return { id: partial.id, slug: partial.slug, version_id: versionId };
}

/**
 * DELETE /prompts/partials/ID. A prompt whose published or latest version includes the
 * partial (`{{>slug}}`, `{{>slug@N}}`, or by id) would fail to render without it, so the
 * delete is refused with a 409 naming those prompts unless `force` is set.
 */
export async function deletePartial(ref: string, options: { force?: boolean } = {}) {
  const partial = await partialOr404(ref);
  const users = await promptsUsingPartial(partial);
  if (!options.force) {
    if (users.length > 0) {
      const shown = users.slice(0, 5).join(", ") + (users.length > 5 ? ` and ${users.length - 5} more` : "");
      throw conflict(
        `Partial '${partial.slug}' is used by prompt${users.length > 1 ? "s" : ""} ${shown}: remove the references or delete with ?force=true`,
        "partial_in_use",
      );
    }
  }
  await db.$transaction(async (tx) => {
    await tx.partial.delete({ where: { id: partial.id } });
    await recordChange(tx, partialChange("partial.delete", partial, users, { name: partial.name }, null));
  });
  await bumpPromptCacheGeneration();
  return {};
}

/** The audit row and partial.changed event of a change, naming the prompts it reaches (directly or through other partials). */
export function partialChange(action: string, partial: Pick<Partial, "id" | "slug">, prompts: string[], before: unknown, after: unknown) {
  return { action, target: { type: "partial", id: partial.id, name: partial.slug }, before, after, details: { partial: { id: partial.id, slug: partial.slug }, prompts } };
}

/** GET /prompts/partials/ID/versions: newest first. */
export async function listPartialVersions(ref: string) {
  const partial = await partialOr404(ref);
  const [versions, labels] = await Promise.all([
    db.partialVersion.findMany({ where: { partialId: partial.id }, orderBy: { version: "desc" } }),
    labelsByVersion(partial.id),
  ]);
  return versions.map((version) => ({
    id: version.id,
    partial_id: partial.id,
    string: version.template,
    version: version.version,
    description: version.description,
    is_published: partial.publishedVersionId === version.id,
    labels: labels.get(version.id) ?? [],
    status: "active" as const,
    created_at: version.createdAt.toISOString(),
  }));
}

/** PUT /prompts/partials/ID/makeDefault: publishes version N. */
export async function publishPartialVersion(ref: string, input: PublishPartialInput) {
  const partial = await partialOr404(ref);
  const version = await db.partialVersion.findUnique({
    where: { partialId_version: { partialId: partial.id, version: input.version } },
    select: { id: true },
  });
  if (!version) throw notFound(`Version ${input.version} of partial '${ref}' not found`);
  const prompts = await promptsUsingPartial(partial);
  await db.$transaction(async (tx) => {
    await tx.partial.update({ where: { id: partial.id }, data: { publishedVersionId: version.id } });
    await recordChange(tx, partialChange("partial.publish", partial, prompts, null, { version: input.version }));
  });
  await bumpPromptCacheGeneration();
  return {};
}

/**
 * GET /prompts/partials/ID/usage: the prompts a change to the partial's published version
 * reaches (each with the chain of partials in between, [] when direct), and the partials
 * that include it. What the UI lists before a publish.
 */
export async function getPartialUsage(ref: string) {
  const partial = await partialOr404(ref);
  const usage = await partialUsage(partial);
  return { id: partial.id, slug: partial.slug, ...usage };
}
