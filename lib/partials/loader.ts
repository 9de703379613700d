import { db } from "@/lib/core/db";
import { cached } from "@/lib/prompts/cache";
import { fitsInt } from "@/lib/prompts/db-helpers";
import { findPartial, publishedPartialVersion } from "./partials";

export interface PartialRef {
  /** The partial's slug (or id), as written in `{{>slug}}` / `{{>slug@5}}`. */
  slug: string;
  /** A pinned version number, or null for the published (or labelled) version. */
  version: number | null;
  /** `{{>slug@staging}}`: the version the label points at on this partial. */
  label?: string;
}

async function load(ref: PartialRef): Promise<{ template: string } | null> {
  const partial = await findPartial(ref.slug);
  if (!partial) return null;
  if (ref.label !== undefined) {
    const assigned = await db.partialLabel.findFirst({
      where: { partialId: partial.id, label: { name: ref.label } },
      include: { version: true },
    });
    return assigned ? { template: assigned.version.template } : null;
  }
  const version =
    ref.version === null
      ? await publishedPartialVersion(partial)
      : !fitsInt(ref.version)
        ? null // `{{>slug@99999999999}}`: no such version, not a query error
        : await db.partialVersion.findUnique({ where: { partialId_version: { partialId: partial.id, version: ref.version } } });
  return version ? { template: version.template } : null;
}

/**
 * The template text the template engine includes for a partial; null when the partial or
 * the pinned version (or label assignment) doesn't exist (the engine decides how to report it). Cached like
 * prompt resolution: every partial write bumps the shared cache generation.
 */
export async function loadPartialTemplate(ref: PartialRef): Promise<string | null> {
  const hit = await cached(`partial:${ref.slug}\u0000${ref.label !== undefined ? `label:${ref.label}` : (ref.version ?? "published")}`, () => load(ref));
  return hit?.template ?? null;
}
