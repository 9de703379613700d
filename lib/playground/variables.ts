import { describeIssue, partialTagsOf, templatePieces, validateVersion } from "@/lib/prompts/validation";
import { listPartialRefs, listVariables, parsePartialTag, scannedVariables, scanTemplate, templateStrings, templateVariables, type PartialTag } from "@/lib/templates";
import { templateString, type Draft } from "./draft";

/**
 * Partials known to the playground, by slug, with their published template. A pinned tag
 * (`{{>p@2}}`) is read with the published text too; so is a labelled one (`{{>p@staging}}`): close enough to list variables.
 */
export type PartialTexts = Record<string, string>;

function partialMap(strings: string[], partials: PartialTexts): Record<string, string> {
  const map: Record<string, string> = Object.create(null);
  const visit = (text: string, depth: number) => {
    if (depth > 10) return;
    let refs: PartialTag[] = [];
    try {
      refs = listPartialRefs(text);
    } catch {
      return;
    }
    for (const ref of refs) {
      if (ref.tag in map || !Object.hasOwn(partials, ref.slug)) continue;
      map[ref.tag] = partials[ref.slug];
      visit(partials[ref.slug], depth + 1);
    }
  };
  strings.forEach((text) => visit(text, 0));
  return map;
}

export interface TemplateAnalysis {
  variables: string[];
  /** Partial tags used directly, with whether they exist. */
  partials: { tag: string; slug: string; known: boolean }[];
  /** The first Mustache syntax problem (with its line and column); variables are then those still readable. */
  error: string | null;
}

/**
 * A template Mustache can't parse still names most of its variables: one unclosed section
 * must not empty the variables pane while the author is typing it.
 */
function tolerantAnalysis(kind: Draft["templateType"], template: string, partials: PartialTexts, error: unknown): TemplateAnalysis {
  const pieces = templatePieces(kind, template);
  const found = new Set<string>();
  for (const piece of pieces) {
    const scan = scanTemplate(piece.text);
    scannedVariables(scan).forEach((name) => found.add(name));
    for (const tag of scan.tags) {
      if (tag.type !== ">" || !tag.topLevel) continue;
      const slug = parsePartialTag(tag.name).slug;
      if (!Object.hasOwn(partials, slug)) continue;
      try {
        listVariables(partials[slug]).forEach((name) => found.add(name));
      } catch {
        // A broken partial adds nothing; its own page reports it.
      }
    }
  }
  const seen = new Map<string, { tag: string; slug: string; known: boolean }>();
  for (const ref of partialTagsOf(pieces)) if (!seen.has(ref.tag)) seen.set(ref.tag, { tag: ref.tag, slug: ref.slug, known: Object.hasOwn(partials, ref.slug) });
  const syntax = validateVersion({ kind, template }).find((issue) => issue.code === "template_invalid");
  return { variables: [...found], partials: [...seen.values()], error: syntax ? describeIssue(syntax) : (error as Error).message };
}

/** Variables (following partials) and partial references of a template, never throwing. */
export function analyzeTemplate(kind: Draft["templateType"], template: string, partials: PartialTexts): TemplateAnalysis {
  try {
    const strings = templateStrings(kind, template);
    const map = partialMap(strings, partials);
    const seen = new Map<string, { tag: string; slug: string; known: boolean }>();
    for (const text of strings) {
      for (const ref of listPartialRefs(text)) {
        if (!seen.has(ref.tag)) seen.set(ref.tag, { tag: ref.tag, slug: ref.slug, known: Object.hasOwn(partials, ref.slug) });
      }
    }
    return { variables: templateVariables(kind, template, map), partials: [...seen.values()], error: null };
  } catch (error) {
    return tolerantAnalysis(kind, template, partials, error);
  }
}

export function analyzeDraft(draft: Draft, partials: PartialTexts): TemplateAnalysis {
  return analyzeTemplate(draft.templateType, templateString(draft), partials);
}

/**
 * How a variable field's text is sent: as JSON when it starts like an object or array (so
 * sections can loop over it) and parses; as the text itself otherwise. Text that starts like
 * JSON but does not parse is still sent as text, and the field says so with the parse error.
 */
export type VariableField = { kind: "text" } | { kind: "json"; value: unknown } | { kind: "invalid-json"; error: string };

export function readVariableField(text: string): VariableField {
  const trimmed = text.trim();
  if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) return { kind: "text" };
  try {
    return { kind: "json", value: JSON.parse(trimmed) };
  } catch (error) {
    return { kind: "invalid-json", error: (error as Error).message };
  }
}

/** A variable field's value as sent (see readVariableField). */
export function variableValue(text: string): unknown {
  const field = readVariableField(text);
  return field.kind === "json" ? field.value : text;
}

export function isJsonValue(text: string): boolean {
  return readVariableField(text).kind === "json";
}

/** The names whose text looks like JSON but does not parse: they go as plain text. */
export function invalidJsonVariables(names: string[], values: Record<string, string>): string[] {
  return names.filter((name) => readVariableField(values[name] ?? "").kind === "invalid-json");
}

/** The `variables` body of a run: only the names the template reads, empty ones included. */
export function variablesBody(names: string[], values: Record<string, string>): Record<string, unknown> {
  return Object.fromEntries(names.map((name) => [name, variableValue(values[name] ?? "")]));
}
