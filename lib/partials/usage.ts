import { db } from "@/lib/core/db";
import type { Partial } from "@/lib/generated/prisma/client";
import { listPartialRefs, templateStrings, type TemplateKind } from "@/lib/templates";

type PartialKey = Pick<Partial, "id" | "slug">;

export interface PartialUser {
  id: string;
  slug: string;
  name: string;
  archived: boolean;
  /**
   * How the prompt reaches the partial: [] when its template includes it directly, else the
   * slugs of the partials in between, the one the prompt includes first (the shortest chain).
   */
  via: string[];
}

export interface PartialUsage {
  prompts: PartialUser[];
  /** The partials that include it, directly or through others (a publish changes them too). */
  partials: { id: string; slug: string; via: string[] }[];
}

/**
 * Who uses `partial`: the prompts whose published or latest version includes it (by slug
 * or id, pinned or not), directly or through other partials (a partial whose published or
 * latest version includes it, at any depth). Older versions don't count: nothing serves them
 * unless a label points there, and a label pointing at a broken version is the label owner's
 * call. Breadth first, so each prompt comes with its shortest chain.
 */
export async function partialUsage(partial: PartialKey): Promise<PartialUsage> {
  const prompts = new Map<string, PartialUser>();
  const partials: PartialUsage["partials"] = [];
  const seen = new Set<string>([partial.id]);
  const queue: { partial: PartialKey; via: string[] }[] = [{ partial, via: [] }];
  for (let next = queue.shift(); next; next = queue.shift()) {
    for (const user of await promptsIncluding(next.partial)) {
      if (!prompts.has(user.id)) prompts.set(user.id, { ...user, via: next.via });
    }
    for (const parent of await partialsIncluding(next.partial)) {
      if (seen.has(parent.id)) continue; // a cycle, or a partial reached twice
      seen.add(parent.id);
      const via = [parent.slug, ...next.via];
      partials.push({ ...parent, via: next.via });
      queue.push({ partial: parent, via });
    }
  }
  const bySlug = (a: { slug: string }, b: { slug: string }) => a.slug.localeCompare(b.slug);
  return { prompts: [...prompts.values()].sort(bySlug), partials: partials.sort(bySlug) };
}

/** The slugs of the prompts `partialUsage` finds. */
export async function promptsUsingPartial(partial: PartialKey): Promise<string[]> {
  return (await partialUsage(partial)).prompts.map((user) => user.slug);
}

/** The prompts whose live version includes `partial` itself. */
async function promptsIncluding(partial: PartialKey): Promise<Omit<PartialUser, "via">[]> {
  // A cheap text match narrows the candidates; the template parser decides.
  const candidates = await db.promptVersion.findMany({
    where: { OR: [{ template: { contains: partial.slug } }, { template: { contains: partial.id } }] },
    select: { id: true, promptId: true, version: true, templateType: true, template: true },
  });
  if (candidates.length === 0) return [];
  const promptIds = [...new Set(candidates.map((v) => v.promptId))];
  const [prompts, latest] = await Promise.all([
    db.prompt.findMany({ where: { id: { in: promptIds } }, select: { id: true, slug: true, name: true, archivedAt: true, publishedVersionId: true } }),
    db.promptVersion.groupBy({ by: ["promptId"], where: { promptId: { in: promptIds } }, _max: { version: true } }),
  ]);
  const latestOf = new Map(latest.map((row) => [row.promptId, row._max.version]));
  const byId = new Map(prompts.map((p) => [p.id, p]));
  const users = new Map<string, Omit<PartialUser, "via">>();
  for (const version of candidates) {
    const prompt = byId.get(version.promptId);
    if (!prompt || users.has(prompt.id)) continue;
    const live = prompt.publishedVersionId === version.id || latestOf.get(version.promptId) === version.version;
    if (live && includesPartial(version.templateType, version.template, partial)) {
      users.set(prompt.id, { id: prompt.id, slug: prompt.slug, name: prompt.name, archived: prompt.archivedAt !== null });
    }
  }
  return [...users.values()];
}

/** The partials whose live (published or latest) version includes `partial`. */
async function partialsIncluding(partial: PartialKey): Promise<PartialKey[]> {
  const candidates = await db.partialVersion.findMany({
    where: { OR: [{ template: { contains: partial.slug } }, { template: { contains: partial.id } }] },
    select: { id: true, partialId: true, version: true, template: true },
  });
  if (candidates.length === 0) return [];
  const partialIds = [...new Set(candidates.map((v) => v.partialId))];
  const [partials, latest] = await Promise.all([
    db.partial.findMany({ where: { id: { in: partialIds } }, select: { id: true, slug: true, publishedVersionId: true } }),
    db.partialVersion.groupBy({ by: ["partialId"], where: { partialId: { in: partialIds } }, _max: { version: true } }),
  ]);
  const latestOf = new Map(latest.map((row) => [row.partialId, row._max.version]));
  const byId = new Map(partials.map((p) => [p.id, p]));
  const parents = new Map<string, PartialKey>();
  for (const version of candidates) {
    const parent = byId.get(version.partialId);
    if (!parent || parents.has(parent.id)) continue;
    const live = parent.publishedVersionId === version.id || latestOf.get(version.partialId) === version.version;
    if (live && includesPartial("completion", version.template, partial)) parents.set(parent.id, { id: parent.id, slug: parent.slug });
  }
  return [...parents.values()];
}

function includesPartial(kind: string, template: string, partial: PartialKey): boolean {
  try {
    const strings = templateStrings(kind as TemplateKind, template);
    return strings.some((text) => listPartialRefs(text).some((ref) => ref.slug === partial.slug || ref.slug === partial.id));
  } catch {
    return false; // an unparsable template can't render anyway, with or without the partial
  }
}
