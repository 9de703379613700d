import { db } from "@/lib/core/db";
import type { Partial } from "@/lib/generated/prisma/client";
import { listPartialRefs, templateStrings, type TemplateKind } from "@/lib/templates";

/**
 * The slugs of the prompts whose published or latest version includes `partial` (by slug or
 * id, pinned or not), directly or through other partials (a partial whose published or
 * latest version includes it, at any depth). Older versions don't count: nothing serves them
 * unless a label points there, and a label pointing at a broken version is the label owner's call.
 */
export async function promptsUsingPartial(partial: Pick<Partial, "id" | "slug">): Promise<string[]> {
  const users = new Set<string>();
  const seen = new Set<string>([partial.id]);
  const queue: Pick<Partial, "id" | "slug">[] = [partial];
  for (let next = queue.shift(); next; next = queue.shift()) {
    for (const slug of await promptsIncluding(next)) users.add(slug);
    for (const parent of await partialsIncluding(next)) {
      if (seen.has(parent.id)) continue; // a cycle, or a partial reached twice
      seen.add(parent.id);
      queue.push(parent);
    }
  }
  return [...users].sort();
}

/** The prompts whose live version includes `partial` itself. */
async function promptsIncluding(partial: Pick<Partial, "id" | "slug">): Promise<string[]> {
  // A cheap text match narrows the candidates; the template parser decides.
  const candidates = await db.promptVersion.findMany({
    where: { OR: [{ template: { contains: partial.slug } }, { template: { contains: partial.id } }] },
    select: { id: true, promptId: true, version: true, templateType: true, template: true },
  });
  if (candidates.length === 0) return [];
  const promptIds = [...new Set(candidates.map((v) => v.promptId))];
  const [prompts, latest] = await Promise.all([
    db.prompt.findMany({ where: { id: { in: promptIds } }, select: { id: true, slug: true, publishedVersionId: true } }),
    db.promptVersion.groupBy({ by: ["promptId"], where: { promptId: { in: promptIds } }, _max: { version: true } }),
  ]);
  const latestOf = new Map(latest.map((row) => [row.promptId, row._max.version]));
  const byId = new Map(prompts.map((p) => [p.id, p]));
  const users = new Set<string>();
  for (const version of candidates) {
    const prompt = byId.get(version.promptId);
    if (!prompt || users.has(prompt.slug)) continue;
    const live = prompt.publishedVersionId === version.id || latestOf.get(version.promptId) === version.version;
    if (live && includesPartial(version.templateType, version.template, partial)) users.add(prompt.slug);
  }
  return [...users];
}

/** The partials whose live (published or latest) version includes `partial`. */
async function partialsIncluding(partial: Pick<Partial, "id" | "slug">): Promise<Pick<Partial, "id" | "slug">[]> {
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
  const parents = new Map<string, Pick<Partial, "id" | "slug">>();
  for (const version of candidates) {
    const parent = byId.get(version.partialId);
    if (!parent || parents.has(parent.id)) continue;
    const live = parent.publishedVersionId === version.id || latestOf.get(version.partialId) === version.version;
    if (live && includesPartial("completion", version.template, partial)) parents.set(parent.id, { id: parent.id, slug: parent.slug });
  }
  return [...parents.values()];
}

function includesPartial(kind: string, template: string, partial: Pick<Partial, "id" | "slug">): boolean {
  try {
    const strings = templateStrings(kind as TemplateKind, template);
    return strings.some((text) => listPartialRefs(text).some((ref) => ref.slug === partial.slug || ref.slug === partial.id));
  } catch {
    return false; // an unparsable template can't render anyway, with or without the partial
  }
}
