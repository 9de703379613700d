import type { Caller } from "@/lib/auth/caller";
import { can } from "@/lib/auth/permissions";
import { ensureDefaultCollection } from "@/lib/collections/collections";
import { db } from "@/lib/core/db";
import { badRequest, conflict } from "@/lib/core/http/errors";
import type { Label } from "@/lib/generated/prisma/client";
import { moveLabel } from "@/lib/labels/moves";
import { findLabel } from "@/lib/labels/labels";
import { recordChange } from "@/lib/audit/record";
import { partialChange } from "@/lib/partials/partials";
import { promptsUsingPartial } from "@/lib/partials/usage";
import { bumpPromptCacheGeneration } from "@/lib/prompts/cache";
import { isUniqueViolation, jsonOrNull } from "@/lib/prompts/db-helpers";
import { versionRowData } from "@/lib/prompts/version-data";
import type { Bundle, BundlePromptVersion } from "./schemas";
import { promptVersionOut, versionContent } from "./wire";

/**
 * POST /bundles/import: merges a bundle into this instance. What exists (same slug, same
 * version number with the same content, a label already where the bundle says) is skipped;
 * what is missing is created with its number and date; what differs is left as it is and
 * reported as a conflict. So importing the same bundle twice creates nothing the second time.
 * Each prompt and partial is one transaction; the whole bundle is checked before any write.
 */

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];
const KINDS = ["collections", "labels", "partials", "partial_versions", "partial_label_assignments", "prompts", "versions", "label_assignments", "variable_sets"] as const;
type Counts = Record<(typeof KINDS)[number], number>;
export interface ImportReport {
  created: Counts;
  skipped: Counts;
  conflicts: { kind: string; ref: string; message: string }[];
  notes: string[];
}

const TX = { timeout: 60_000, maxWait: 10_000 };
const latest = (versions: { version: number }[]) => Math.max(...versions.map((v) => v.version));
const zero = (): Counts => Object.fromEntries(KINDS.map((k) => [k, 0])) as Counts;

export async function importBundle(bundle: Bundle, caller: Caller): Promise<ImportReport> {
  try {
    return await merge(bundle, caller);
  } catch (error) {
    // Someone created the same slug or version between our read and our write: what is done
    // stays done, and importing again skips it.
    if (isUniqueViolation(error)) throw conflict("The workspace changed during the import (another import or save?): import the bundle again", "import_raced");
    throw error;
  } finally {
    await bumpPromptCacheGeneration();
  }
}

async function merge(bundle: Bundle, caller: Caller): Promise<ImportReport> {
  const report: ImportReport = { created: zero(), skipped: zero(), conflicts: [], notes: [] };
  const rows = checkedVersions(bundle);
  const folders = new FolderResolver(bundle, report);
  const labels = new Map<string, Label>();
  for (const wanted of bundle.labels) labels.set(wanted.name, await labelFor(wanted, report));
  for (const item of [...bundle.partials, ...bundle.prompts]) {
    for (const name of Object.keys(item.labels)) if (!labels.has(name)) labels.set(name, await labelFor({ name, description: null, color_code: null }, report));
  }
  for (const path of bundle.collections.map((c) => c.path)) await folders.resolve(path);
  for (const partial of bundle.partials) await importPartial(partial, { labels, caller, report });
  const keys = new VirtualKeys(report);
  for (const prompt of bundle.prompts) await importPrompt(prompt, rows, { folders, labels, keys, caller, report });
  return report;
}

/** Every version's columns, validated as a save would validate them, before anything is written. */
function checkedVersions(bundle: Bundle) {
  const rows = new Map<BundlePromptVersion, ReturnType<typeof versionRowData>>();
  for (const prompt of bundle.prompts) {
    for (const v of prompt.versions) {
      const fields = { string: v.string, parameters: v.parameters, model: v.model, virtualKeyId: null, tools: v.tools, toolChoice: v.tool_choice, functions: v.functions, responseFormat: v.response_format, templateMetadata: v.template_metadata, description: v.description };
      try {
        let row = versionRowData(fields);
        if (row.templateType !== v.template_type) row = { ...versionRowData({ ...fields, templateMetadata: { ...(v.template_metadata ?? {}), template_type: v.template_type } }), templateMetadata: jsonOrNull(v.template_metadata) };
        rows.set(v, row);
      } catch (error) {
        throw badRequest(`prompt '${prompt.slug}' version ${v.version}: ${(error as Error).message}`, "prompts");
      }
    }
  }
  return rows;
}

async function labelFor(wanted: Bundle["labels"][number], report: ImportReport): Promise<Label> {
  const existing = (await findLabel(wanted.name)) ?? (await db.label.findMany()).find((l) => l.name.toLowerCase() === wanted.name.toLowerCase());
  if (existing) {
    report.skipped.labels++;
    return existing;
  }
  report.created.labels++;
  // Protection is the target's owner's decision: an imported label starts unprotected.
  return db.label.create({ data: { name: wanted.name, description: wanted.description, colorCode: wanted.color_code } });
}

/** Folders by path; the bundle's default folder is this instance's default folder. */
class FolderResolver {
  private resolved = new Map<string, string>();
  private byPath: Map<string, Bundle["collections"][number]>;
  constructor(
    bundle: Bundle,
    private report: ImportReport,
  ) {
    this.byPath = new Map(bundle.collections.map((c) => [c.path, c]));
  }

  async resolve(path: string): Promise<string> {
    const known = this.resolved.get(path);
    if (known) return known;
    const entry = this.byPath.get(path);
    const segments = path.split("/");
    const slug = segments[segments.length - 1];
    let id: string;
    if (entry?.is_default) {
      id = (await ensureDefaultCollection()).id;
      this.report.skipped.collections++;
    } else {
      const parentId = segments.length > 1 ? await this.resolve(segments.slice(0, -1).join("/")) : null;
      const existing = await db.collection.findUnique({ where: { slug } });
      if (existing) {
        this.report.skipped.collections++;
        if (existing.parentId !== parentId) this.report.conflicts.push({ kind: "collection", ref: path, message: `folder '${slug}' exists here under another parent: its prompts go there` });
        id = existing.id;
      } else {
        id = (await db.collection.create({ data: { slug, name: entry?.name ?? slug, parentId } })).id;
        this.report.created.collections++;
      }
    }
    this.resolved.set(path, id);
    return id;
  }
}

class VirtualKeys {
  private ids = new Map<string, string | null>();
  constructor(private report: ImportReport) {}
  async id(slug: string | null): Promise<string | null> {
    if (!slug) return null;
    if (!this.ids.has(slug)) {
      const key = await db.virtualKey.findUnique({ where: { slug }, select: { id: true } });
      if (!key) this.report.notes.push(`virtual key '${slug}' does not exist here: versions that use it were imported without one`);
      this.ids.set(slug, key?.id ?? null);
    }
    return this.ids.get(slug) ?? null;
  }
}

async function importPartial(partial: Bundle["partials"][number], ctx: { labels: Map<string, Label>; caller: Caller; report: ImportReport }) {
  const { report } = ctx;
  const labelled: { label: string; version: number }[] = [];
  const saved = await db.$transaction(async (tx) => {
    let target = await tx.partial.findUnique({ where: { slug: partial.slug }, include: { versions: true } });
    if (target) report.skipped.partials++;
    else {
      target = { ...(await tx.partial.create({ data: { slug: partial.slug, name: partial.name } })), versions: [] };
      report.created.partials++;
    }
    const fresh = target.versions.length === 0;
    const existing = new Map(target.versions.map((v) => [v.version, v]));
    let published: string | null = null;
    // Version number -> its id here, for the versions whose content matches the bundle's.
    const usable = new Map<number, string>();
    for (const v of partial.versions) {
      const have = existing.get(v.version);
      if (have) {
        if (have.template === v.string && have.description === v.description) {
          report.skipped.partial_versions++;
          usable.set(v.version, have.id);
        } else report.conflicts.push({ kind: "partial_version", ref: `${partial.slug}@${v.version}`, message: "this version exists here with other content: left as it is" });
        continue;
      }
      const row = await tx.partialVersion.create({ data: { partialId: target.id, version: v.version, template: v.string, description: v.description, ...(v.created_at ? { createdAt: new Date(v.created_at) } : {}) } });
      report.created.partial_versions++;
      usable.set(v.version, row.id);
      if (v.version === (partial.published_version ?? latest(partial.versions))) published = row.id;
    }
    // A partial made here takes the bundle's published version; an existing one keeps its own.
    if (fresh && published) await tx.partial.update({ where: { id: target.id }, data: { publishedVersionId: published } });
    for (const [name, number] of Object.entries(partial.labels)) {
      const label = ctx.labels.get(name)!;
      if (await assignPartialLabel(tx, { partial: target, label, number, versionId: usable.get(number), caller: ctx.caller, report })) labelled.push({ label: label.name, version: number });
    }
    return { id: target.id, slug: target.slug };
  }, TX);
  // In the audit log as a move from the API would be, naming the prompts it changes (read
  // once the transaction has committed: the lookup goes through the ordinary client).
  if (labelled.length === 0) return;
  const prompts = await promptsUsingPartial(saved);
  for (const after of labelled) await recordChange(db, partialChange("partial.label", saved, prompts, null, after));
}

/** True when the label was set here. */
async function assignPartialLabel(
  tx: Tx,
  a: { partial: { id: string; slug: string }; label: Label; number: number; versionId: string | undefined; caller: Caller; report: ImportReport },
): Promise<boolean> {
  const ref = `${a.partial.slug}@${a.label.name}`;
  const where = { partialId_labelId: { partialId: a.partial.id, labelId: a.label.id } };
  const current = await tx.partialLabel.findUnique({ where, select: { versionId: true, version: { select: { version: true } } } });
  const refusal = labelRefusal(current, { ...a, remedy: `someone who may publish can point it at version ${a.number}` });
  if (refusal === "same") a.report.skipped.partial_label_assignments++;
  else if (refusal) a.report.conflicts.push({ kind: "partial_label", ref, message: refusal });
  else {
    await tx.partialLabel.create({ data: { partialId: a.partial.id, labelId: a.label.id, versionId: a.versionId! } });
    a.report.created.partial_label_assignments++;
    return true;
  }
  return false;
}

/**
 * Why a label can't be set as the bundle says ("same" when it already is): it points elsewhere
 * here, its version was not imported, or it is protected and the caller may not move it.
 */
function labelRefusal(
  current: { versionId: string; version: { version: number } } | null,
  a: { label: Label; number: number; versionId: string | undefined; caller: Caller; remedy: string },
): string | null {
  if (current && current.versionId === a.versionId) return "same";
  if (current) return `here it points at version ${current.version.version}, in the bundle at ${a.number}: left as it is`;
  if (!a.versionId) return `version ${a.number} was not imported: label not set`;
  if (a.label.protected && !can(a.caller, "publish")) return `label '${a.label.name}' is protected: ${a.remedy}`;
  return null;
}

interface PromptContext {
  folders: FolderResolver;
  labels: Map<string, Label>;
  keys: VirtualKeys;
  caller: Caller;
  report: ImportReport;
}

async function importPrompt(prompt: Bundle["prompts"][number], rows: ReturnType<typeof checkedVersions>, ctx: PromptContext) {
  const { report } = ctx;
  const collectionId = await ctx.folders.resolve(prompt.collection);
  const keyIds = new Map<string | null, string | null>();
  for (const v of prompt.versions) keyIds.set(v.virtual_key, await ctx.keys.id(v.virtual_key));
  await db.$transaction(async (tx) => {
    let target = await tx.prompt.findUnique({ where: { slug: prompt.slug }, select: { id: true } });
    const fresh = !target;
    if (target) report.skipped.prompts++;
    else {
      // Archived in the bundle, archived here (an existing prompt keeps its own state).
      const archivedAt = prompt.archived ? new Date() : null;
      target = await tx.prompt.create({ data: { slug: prompt.slug, name: prompt.name, collectionId, strictVariables: prompt.strict_variables, settings: jsonOrNull(prompt.settings), archivedAt } });
      report.created.prompts++;
    }
    const promptId = target.id;
    const existing = new Map((await tx.promptVersion.findMany({ where: { promptId }, include: { virtualKey: { select: { slug: true } } } })).map((v) => [v.version, v]));
    // Version number -> its id here, for the versions whose content matches the bundle's.
    const usable = new Map<number, string>();
    for (const v of prompt.versions) {
      const have = existing.get(v.version);
      const virtualKeyId = keyIds.get(v.virtual_key) ?? null;
      if (have) {
        const expected = { ...v, virtual_key: virtualKeyId ? v.virtual_key : null };
        if (versionContent(promptVersionOut(have)) === versionContent(expected)) {
          report.skipped.versions++;
          usable.set(v.version, have.id);
        } else report.conflicts.push({ kind: "version", ref: `${prompt.slug}@${v.version}`, message: "this version exists here with other content: left as it is" });
        continue;
      }
      const row = rows.get(v)!;
      const created = await tx.promptVersion.create({ data: { ...row, virtualKeyId, promptId, version: v.version, ...(v.created_at ? { createdAt: new Date(v.created_at) } : {}) } });
      report.created.versions++;
      usable.set(v.version, created.id);
    }
    if (fresh) {
      const published = usable.get(prompt.published_version ?? latest(prompt.versions));
      if (published) await tx.prompt.update({ where: { id: promptId }, data: { publishedVersionId: published } });
    }
    for (const [name, number] of Object.entries(prompt.labels)) {
      await assignLabel(tx, { promptId, slug: prompt.slug, label: ctx.labels.get(name)!, number, versionId: usable.get(number), caller: ctx.caller, report });
    }
    await importVariableSets(tx, promptId, prompt, report);
  }, TX);
}

async function assignLabel(tx: Tx, a: { promptId: string; slug: string; label: Label; number: number; versionId: string | undefined; caller: Caller; report: ImportReport }) {
  const current = await tx.promptLabel.findUnique({ where: { promptId_labelId: { promptId: a.promptId, labelId: a.label.id } }, select: { versionId: true, version: { select: { version: true } } } });
  const refusal = labelRefusal(current, { ...a, remedy: `open a release request for version ${a.number}` });
  if (refusal === "same") a.report.skipped.label_assignments++;
  else if (refusal) a.report.conflicts.push({ kind: "label", ref: `${a.slug}@${a.label.name}`, message: refusal });
  else {
    await moveLabel(tx, { promptId: a.promptId, label: a.label, version: { id: a.versionId!, version: a.number }, caller: a.caller, via: "direct" });
    a.report.created.label_assignments++;
  }
}

/** Sets the bundle has and this prompt lacks are added; one of the same name with other values is a conflict. */
async function importVariableSets(tx: Tx, promptId: string, prompt: Bundle["prompts"][number], report: ImportReport) {
  if (prompt.variable_sets.length === 0) return;
  const existing = await tx.variableSet.findMany({ where: { promptId }, select: { name: true, variables: true } });
  const here = new Map(existing.map((set) => [set.name, set.variables]));
  for (const set of prompt.variable_sets) {
    if (!here.has(set.name)) {
      await tx.variableSet.create({ data: { promptId, name: set.name, variables: set.variables } });
      report.created.variable_sets++;
    } else if (sameValues(here.get(set.name), set.variables)) report.skipped.variable_sets++;
    else report.conflicts.push({ kind: "variable_set", ref: `${prompt.slug}/${set.name}`, message: "a set of this name exists here with other values: left as it is" });
  }
}

function sameValues(stored: unknown, wanted: Record<string, string>): boolean {
  if (!stored || typeof stored !== "object" || Array.isArray(stored)) return false;
  const have = stored as Record<string, unknown>;
  const keys = Object.keys(wanted);
  return keys.length === Object.keys(have).length && keys.every((k) => have[k] === wanted[k]);
}
