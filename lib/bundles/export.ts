import { db } from "@/lib/core/db";
import { notFound } from "@/lib/core/http/errors";
import type { Collection } from "@/lib/generated/prisma/client";
import { findCollection } from "@/lib/collections/collections";
import { listPartialRefs, templateStrings, type TemplateKind } from "@/lib/templates";
import { BUNDLE_FORMAT, BUNDLE_VERSION, type ExportQuery } from "./schemas";
import { partialVersionOut, promptVersionOut } from "./wire";
import { textStream } from "@/lib/core/http/text-stream";

/**
 * GET /bundles/export: the workspace, or one folder with its sub-folders, as one JSON
 * document written prompt by prompt (a large workspace is never held whole in memory).
 * A folder's bundle carries its ancestors (so its path can be rebuilt), the partials its
 * prompts include (and those they include) and the labels pointing into it.
 */
export async function exportBundle(query: ExportQuery): Promise<Response> {
  const all = await db.collection.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const byId = new Map(all.map((c) => [c.id, c]));
  let root: Collection | null = null;
  if (query.collection_id) {
    root = await findCollection(query.collection_id);
    if (!root) throw notFound(`Collection '${query.collection_id}' not found`);
  }
  const pathOf = collectionPaths(byId);
  const inScope = root ? subtree(root.id, all) : new Set(all.map((c) => c.id));
  const ancestors = root ? ancestorsOf(root, byId) : [];
  const collections = [...ancestors, ...all.filter((c) => inScope.has(c.id))]
    .map((c) => ({ path: pathOf(c.id), name: c.name, is_default: c.isDefault }))
    .sort((a, b) => a.path.split("/").length - b.path.split("/").length || a.path.localeCompare(b.path));

  const prompts = await db.prompt.findMany({
    where: root ? { collectionId: { in: [...inScope] } } : {},
    orderBy: { slug: "asc" },
    select: { id: true },
  });
  const partialIds = root ? await partialsUsedBy(prompts.map((p) => p.id)) : null;
  const partials = await db.partial.findMany({ where: partialIds ? { id: { in: partialIds } } : {}, orderBy: { slug: "asc" }, select: { id: true } });
  const labels = await db.label.findMany({
    where: root
      ? { OR: [{ prompts: { some: { promptId: { in: prompts.map((p) => p.id) } } } }, { partials: { some: { partialId: { in: partials.map((p) => p.id) } } } }] }
      : {},
    orderBy: { name: "asc" },
  });

  const head = {
    format: BUNDLE_FORMAT,
    format_version: BUNDLE_VERSION,
    exported_at: new Date().toISOString(),
    collection: root ? pathOf(root.id) : null,
    collections,
    labels: labels.map((l) => ({ name: l.name, description: l.description, color_code: l.colorCode })),
  };
  const pieces = async function* () {
    yield JSON.stringify(head).slice(0, -1) + ',"partials":[';
    for (const [index, { id }] of partials.entries()) {
      const partial = await db.partial.findUnique({
        where: { id },
        include: { versions: { orderBy: { version: "asc" } }, publishedVersion: { select: { version: true } }, labels: LABEL_POINTERS },
      });
      if (!partial) continue; // deleted meanwhile
      const out = {
        slug: partial.slug,
        name: partial.name,
        published_version: partial.publishedVersion?.version ?? null,
        labels: labelPointers(partial.labels),
        versions: partial.versions.map(partialVersionOut),
      };
      yield (index ? "," : "") + JSON.stringify(out);
    }
    yield '],"prompts":[';
    let first = true;
    for (const { id } of prompts) {
      const prompt = await db.prompt.findUnique({
        where: { id },
        include: {
          versions: { orderBy: { version: "asc" }, include: { virtualKey: { select: { slug: true } } } },
          publishedVersion: { select: { version: true } },
          labels: LABEL_POINTERS,
          variableSets: { orderBy: { name: "asc" }, select: { name: true, variables: true } },
        },
      });
      if (!prompt) continue;
      const out = {
        slug: prompt.slug,
        name: prompt.name,
        collection: pathOf(prompt.collectionId),
        strict_variables: prompt.strictVariables,
        settings: prompt.settings ?? null,
        published_version: prompt.publishedVersion?.version ?? null,
        labels: labelPointers(prompt.labels),
        archived: prompt.archivedAt !== null,
        variable_sets: prompt.variableSets,
        versions: prompt.versions.map(promptVersionOut),
      };
      yield (first ? "" : ",") + JSON.stringify(out);
      first = false;
    }
    yield "]}\n";
  };
  const body = textStream(pieces());
  const name = root ? root.slug : "workspace";
  return new Response(body, {
    headers: { "content-type": "application/json; charset=utf-8", "content-disposition": `attachment; filename="promptly-bundle-${name}.json"` },
  });
}

const LABEL_POINTERS = { select: { label: { select: { name: true } }, version: { select: { version: true } } } } as const;

/** Label name -> the version number it points at, by name. */
function labelPointers(rows: { label: { name: string }; version: { version: number } }[]): Record<string, number> {
  return Object.fromEntries(rows.map((l) => [l.label.name, l.version.version] as const).sort(([a], [b]) => a.localeCompare(b)));
}

/** A folder's path: its slugs from the top, joined by `/`. */
function collectionPaths(byId: Map<string, Collection>) {
  return (id: string): string => {
    const slugs: string[] = [];
    const seen = new Set<string>();
    for (let at = byId.get(id); at && !seen.has(at.id); at = at.parentId ? byId.get(at.parentId) : undefined) {
      seen.add(at.id);
      slugs.unshift(at.slug);
    }
    return slugs.join("/");
  };
}

function subtree(rootId: string, all: Collection[]): Set<string> {
  const ids = new Set([rootId]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const c of all) {
      if (c.parentId && ids.has(c.parentId) && !ids.has(c.id)) {
        ids.add(c.id);
        grew = true;
      }
    }
  }
  return ids;
}

function ancestorsOf(root: Collection, byId: Map<string, Collection>): Collection[] {
  const out: Collection[] = [];
  const seen = new Set([root.id]);
  for (let at = root.parentId ? byId.get(root.parentId) : undefined; at && !seen.has(at.id); at = at.parentId ? byId.get(at.parentId) : undefined) {
    seen.add(at.id);
    out.unshift(at);
  }
  return out;
}

/** The partials the prompts' versions include, and those those include, by id. */
async function partialsUsedBy(promptIds: string[]): Promise<string[]> {
  const versions = await db.promptVersion.findMany({ where: { promptId: { in: promptIds } }, select: { templateType: true, template: true } });
  const wanted = new Set<string>();
  const refsOf = (kind: string, template: string) => {
    try {
      return templateStrings(kind as TemplateKind, template).flatMap((text) => listPartialRefs(text).map((ref) => ref.slug));
    } catch {
      return []; // an unparsable template includes nothing that could render
    }
  };
  for (const v of versions) for (const ref of refsOf(v.templateType, v.template)) wanted.add(ref);
  const found = new Map<string, string>();
  for (let queue = [...wanted]; queue.length > 0; ) {
    const rows = await db.partial.findMany({ where: { OR: [{ slug: { in: queue } }, { id: { in: queue } }] }, include: { versions: { select: { template: true } } } });
    queue = [];
    for (const row of rows) {
      if (found.has(row.id)) continue;
      found.set(row.id, row.slug);
      for (const version of row.versions) {
        for (const ref of refsOf("completion", version.template)) {
          if (wanted.has(ref)) continue;
          wanted.add(ref);
          queue.push(ref);
        }
      }
    }
  }
  return [...found.keys()];
}
