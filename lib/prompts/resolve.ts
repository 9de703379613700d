import { db } from "@/lib/core/db";
import type { Prompt, PromptVersion } from "@/lib/generated/prisma/client";
import { notFound } from "@/lib/core/http/errors";
import { cached } from "./cache";
import { fitsInt } from "./db-helpers";
import { findPromptOr404 } from "./lookup";
import type { TemplateType } from "./template";

export type VersionSelector =
  | { kind: "published" }
  | { kind: "version"; number: number }
  | { kind: "latest" }
  | { kind: "label"; name: string };

export interface PromptRef {
  key: string;
  selector: VersionSelector;
}

export interface ResolvedPrompt {
  /** The label's name when the caller addressed one (`@production`, or its id); else null. */
  label: string | null;
  /** `archived`: completions and render refuse it (a 409 naming the prompt). */
  prompt: { id: string; slug: string; name: string; strictVariables: boolean; settings: unknown; archived: boolean };
  version: ResolvedVersion;
  /**
   * The addressed label's canary: `weight` percent of its callers get `candidate` instead of
   * `version` (the baseline). Chosen per request by lib/prompts/split.ts, after the cache.
   */
  split: { weight: number; candidate: ResolvedVersion } | null;
}

export interface ResolvedVersion {
  id: string;
  number: number;
  templateType: TemplateType;
  template: string;
  model: string | null;
  parameters: Record<string, unknown>;
  tools: unknown;
  toolChoice: unknown;
  responseFormat: unknown;
  functions: unknown;
  virtualKeyId: string | null;
  /**
   * Published, pointed to by a label, or older than the published version (pinned `@N`
   * ids of versions a team shipped before): what a run-only API key may run.
   */
  released: boolean;
}

function decodeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw; // a stray "%": keep it as typed, lookup will 404 naming it
  }
}

/**
 * `<id-or-slug>` with an optional `@12` / `@latest` / `@<label>` suffix (`@` may arrive as
 * `%40`). Ids and slugs never contain `@`, so the first one splits. `@default` and a bare
 * trailing `@` mean the published version: label names can't be "default".
 */
export function parsePromptRef(raw: string): PromptRef {
  const text = decodeSegment(raw).trim();
  const at = text.indexOf("@");
  if (at < 0) return { key: text, selector: { kind: "published" } };
  const key = text.slice(0, at);
  const suffix = text.slice(at + 1);
  if (suffix === "" || suffix.toLowerCase() === "default") return { key, selector: { kind: "published" } };
  if (/^\d+$/.test(suffix)) return { key, selector: { kind: "version", number: Number(suffix) } };
  if (suffix.toLowerCase() === "latest") return { key, selector: { kind: "latest" } };
  return { key, selector: { kind: "label", name: suffix } };
}

/**
 * The Node SDK, called with `promptId` instead of `promptID`, requests
 * `/prompts/undefined/...` and puts the id (possibly with its @suffix) in the body.
 */
export function effectivePromptRef(raw: string, bodyPromptId?: string | null): PromptRef {
  const ref = parsePromptRef(raw);
  if ((ref.key === "undefined" || ref.key === "null" || ref.key === "") && bodyPromptId) {
    return parsePromptRef(bodyPromptId);
  }
  return ref;
}

function latestVersion(promptId: string) {
  return db.promptVersion.findFirst({ where: { promptId }, orderBy: { version: "desc" } });
}

/**
 * The version a selector picks for a prompt; 404 naming what is missing. `key` is the text
 * the caller used, so messages name what they asked for. A prompt with no published
 * version serves its latest.
 */
export async function pickVersion(prompt: Prompt, selector: VersionSelector, key: string): Promise<PromptVersion> {
  let version: PromptVersion | null = null;
  switch (selector.kind) {
    case "published":
      version = prompt.publishedVersionId
        ? await db.promptVersion.findUnique({ where: { id: prompt.publishedVersionId } })
        : null;
      version ??= await latestVersion(prompt.id);
      if (!version) throw notFound(`Prompt '${key}' has no versions`);
      return version;
    case "latest":
      version = await latestVersion(prompt.id);
      if (!version) throw notFound(`Prompt '${key}' has no versions`);
      return version;
    case "version":
      version = fitsInt(selector.number)
        ? await db.promptVersion.findUnique({ where: { promptId_version: { promptId: prompt.id, version: selector.number } } })
        : null;
      if (!version) throw notFound(`Version ${selector.number} of prompt '${key}' not found`);
      return version;
    case "label":
      return (await pickLabelled(prompt, selector.name, key)).version;
  }
}

interface Labelled {
  version: PromptVersion;
  label: string;
  split: { weight: number; candidate: PromptVersion } | null;
}

/** The version a label (by name as written in the suffix, or by id) serves, with the label's name and canary. */
async function pickLabelled(prompt: Prompt, name: string, key: string): Promise<Labelled> {
  const assignment = await db.promptLabel.findFirst({
    where: { promptId: prompt.id, label: { OR: [{ name }, { id: name }] } },
    include: { version: true, label: { select: { name: true } } },
  });
  if (!assignment) throw notFound(`Label '${name}' is not set on prompt '${key}'`);
  const { candidateVersionId, candidateWeight } = assignment;
  // A candidate deleted since the split was set leaves the baseline serving everyone.
  const candidate = candidateVersionId && candidateWeight ? await db.promptVersion.findUnique({ where: { id: candidateVersionId } }) : null;
  return { version: assignment.version, label: assignment.label.name, split: candidate ? { weight: candidateWeight!, candidate } : null };
}

/** See ResolvedPrompt's `released`; cached with the resolution, so at most two reads on a miss. */
async function isReleased(prompt: Prompt, version: PromptVersion): Promise<boolean> {
  if (prompt.publishedVersionId === version.id) return true;
  if (prompt.publishedVersionId) {
    const published = await db.promptVersion.findUnique({ where: { id: prompt.publishedVersionId }, select: { version: true } });
    if (published && version.version < published.version) return true;
  }
  return (await db.promptLabel.count({ where: { OR: [{ versionId: version.id }, { candidateVersionId: version.id }] } })) > 0;
}

function versionView(version: PromptVersion, released: boolean): ResolvedVersion {
  const parameters = version.parameters;
  return {
    id: version.id,
    number: version.version,
    templateType: version.templateType === "completion" ? "completion" : "chat",
    template: version.template,
    model: version.model,
    parameters: parameters && typeof parameters === "object" && !Array.isArray(parameters) ? (parameters as Record<string, unknown>) : {},
    tools: version.tools,
    toolChoice: version.toolChoice,
    responseFormat: version.responseFormat,
    functions: version.functions,
    virtualKeyId: version.virtualKeyId,
    released,
  };
}

async function loadResolved(ref: PromptRef): Promise<ResolvedPrompt> {
  const prompt = await findPromptOr404(ref.key);
  const labelled = ref.selector.kind === "label" ? await pickLabelled(prompt, ref.selector.name, ref.key) : null;
  const version = labelled?.version ?? (await pickVersion(prompt, ref.selector, ref.key));
  const released = await isReleased(prompt, version);
  return {
    label: labelled?.label ?? null,
    prompt: {
      id: prompt.id,
      slug: prompt.slug,
      name: prompt.name,
      strictVariables: prompt.strictVariables,
      settings: prompt.settings,
      archived: prompt.archivedAt !== null,
    },
    version: versionView(version, released),
    // A canary's candidate serves the label's traffic: released like the baseline.
    split: labelled?.split ? { weight: labelled.split.weight, candidate: versionView(labelled.split.candidate, true) } : null,
  };
}

/**
 * The prompt and version a completion or render request addresses (see parsePromptRef and
 * effectivePromptRef). Cached per ref; every write bumps the cache generation, so a save,
 * publish or label move is seen by the next request. The result is shared and deeply frozen:
 * copy what you change.
 */
export async function resolvePromptVersion(raw: string, bodyPromptId?: string | null): Promise<ResolvedPrompt> {
  const ref = effectivePromptRef(raw, bodyPromptId);
  const selectorKey =
    ref.selector.kind === "version" ? `@${ref.selector.number}` : ref.selector.kind === "label" ? `#${ref.selector.name}` : ref.selector.kind;
  const resolved = await cached(`prompt:${ref.key}\u0000${selectorKey}`, () => loadResolved(ref));
  return resolved as ResolvedPrompt;
}
