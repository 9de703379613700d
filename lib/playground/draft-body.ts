import type { VersionTemplate } from "@/lib/hooks/use-prompt-versions";
import { stableStringify } from "@/lib/core/json/stable-stringify";
import type { UpdatePromptInput } from "@/lib/prompts/schemas";
import { describeIssue, responseFormatIssues, toolsIssues } from "@/lib/prompts/validation";
import { NUMERIC_PARAMS, templateString, type Draft, type NumericParam } from "./draft";

/** Ranges as the completion route checks them (lib/completions/request-schema.ts). */
const RANGES: Record<NumericParam, { min?: number; max?: number; integer?: boolean; positive?: boolean }> = {
  temperature: { min: 0, max: 2 },
  max_tokens: { integer: true, positive: true },
  top_p: { min: 0, max: 1 },
  presence_penalty: { min: -2, max: 2 },
  frequency_penalty: { min: -2, max: 2 },
  seed: { integer: true },
};

export interface DraftSettingsParsed {
  numbers: Partial<Record<NumericParam, number>>;
  stop: string[] | undefined;
  responseFormat: Record<string, unknown> | null;
  tools: unknown[] | null;
  toolChoice: string | Record<string, unknown> | null;
}

/** Field name -> problem, for inline messages; empty when the draft can be saved or run. */
export type DraftErrors = Partial<Record<NumericParam | "jsonSchema" | "tools" | "toolChoice" | "template", string>>;

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export function parseDraftSettings(draft: Draft): { parsed: DraftSettingsParsed; errors: DraftErrors } {
  const s = draft.settings;
  const errors: DraftErrors = {};
  const numbers: DraftSettingsParsed["numbers"] = {};
  for (const name of NUMERIC_PARAMS) {
    const text = s.numbers[name].trim();
    if (!text) continue;
    const value = Number(text);
    const range = RANGES[name];
    if (!Number.isFinite(value)) errors[name] = "must be a number";
    else if (range.integer && !Number.isInteger(value)) errors[name] = "must be a whole number";
    else if (range.positive && value <= 0) errors[name] = "must be above 0";
    else if (range.min !== undefined && value < range.min) errors[name] = `must be at least ${range.min}`;
    else if (range.max !== undefined && value > range.max) errors[name] = `must be at most ${range.max}`;
    else numbers[name] = value;
  }
  const stopList = s.stop.split("\n").filter((line) => line.length > 0);

  let responseFormat: DraftSettingsParsed["responseFormat"] = null;
  if (s.responseFormat === "json_object") responseFormat = { type: "json_object" };
  if (s.responseFormat === "json_schema") {
    const schema = parseJson(s.jsonSchema || "");
    const format = schema.ok ? { type: "json_schema", json_schema: schema.value } : null;
    const problem = format ? responseFormatIssues(format)[0] : null;
    if (!schema.ok) errors.jsonSchema = `Invalid JSON: ${schema.error}`;
    else if (problem) errors.jsonSchema = describeIssue(problem);
    else responseFormat = format;
  }

  let tools: unknown[] | null = null;
  if (s.tools.trim()) {
    const parsed = parseJson(s.tools);
    if (!parsed.ok) errors.tools = `Invalid JSON: ${parsed.error}`;
    else {
      const problem = toolsIssues(parsed.value)[0];
      if (problem) errors.tools = describeIssue(problem);
      else if (Array.isArray(parsed.value) && parsed.value.length > 0) tools = parsed.value;
    }
  }

  let toolChoice: DraftSettingsParsed["toolChoice"] = null;
  const choice = s.toolChoice.trim();
  if (choice.startsWith("{")) {
    const parsed = parseJson(choice);
    if (!parsed.ok || !isObject(parsed.value)) errors.toolChoice = "Invalid JSON object";
    else toolChoice = parsed.value;
  } else if (choice) toolChoice = choice;

  if (draft.templateType === "chat" && draft.messages.length === 0) errors.template = "Add at least one message";
  return { parsed: { numbers, stop: stopList.length ? stopList : undefined, responseFormat, tools, toolChoice }, errors };
}

/** PUT /v1/prompts/ID body saving the draft as a new version. */
export function versionBody(draft: Draft, description: string): UpdatePromptInput {
  const { parsed } = parseDraftSettings(draft);
  return {
    string: templateString(draft),
    template_metadata: { template_type: draft.templateType },
    model: draft.settings.model.trim() || null,
    virtual_key: draft.settings.virtualKey || null,
    parameters: { ...draft.settings.otherParameters, ...parsed.numbers, ...(parsed.stop ? { stop: parsed.stop } : {}) },
    tools: parsed.tools,
    tool_choice: parsed.tools ? parsed.toolChoice : null,
    response_format: parsed.responseFormat,
    version_description: description.trim() || null,
  };
}

/**
 * The completion-route overrides that run this draft instead of the stored version: the
 * Promptly extension fields (template, template_type, virtual_key) plus OpenAI parameters.
 * Overrides can only add or replace stored settings, never remove them: a cleared field
 * falls back to the addressed version's value.
 */
export function draftOverrides(draft: Draft): Record<string, unknown> {
  const { parsed } = parseDraftSettings(draft);
  return {
    template: templateString(draft),
    template_type: draft.templateType,
    ...(draft.settings.virtualKey ? { virtual_key: draft.settings.virtualKey } : {}),
    ...(draft.settings.model.trim() ? { model: draft.settings.model.trim() } : {}),
    ...parsed.numbers,
    ...(parsed.stop ? { stop: parsed.stop } : {}),
    response_format: parsed.responseFormat ?? { type: "text" },
    ...(parsed.tools ? { tools: parsed.tools, ...(parsed.toolChoice ? { tool_choice: parsed.toolChoice } : {}) } : {}),
  };
}

/** A stable text of everything a save would store: equal texts mean nothing to save. */
export function draftFingerprint(draft: Draft): string {
  return stableStringify(versionBody(draft, ""));
}

/** The draft in a saved version's shape, e.g. to diff it against versions. */
export function draftAsTemplate(draft: Draft): VersionTemplate {
  const body = versionBody(draft, "");
  return {
    string: body.string ?? "",
    parameters: (body.parameters ?? {}) as VersionTemplate["parameters"],
    model: body.model ?? null,
    virtual_key: body.virtual_key ?? null,
    tools: (body.tools ?? null) as VersionTemplate["tools"],
    tool_choice: (body.tool_choice ?? null) as VersionTemplate["tool_choice"],
    functions: null,
    response_format: (body.response_format ?? null) as VersionTemplate["response_format"],
    template_metadata: { template_type: draft.templateType },
    template_type: draft.templateType,
  };
}
