import { createTwoFilesPatch } from "diff";
import { stableStringify } from "@/lib/core/json/stable-stringify";

/** What a reviewer compares: the template as text, then each setting that changed. */
export interface VersionFacts {
  version: number;
  templateType: string;
  template: string;
  model: string | null;
  virtualKeyId: string | null;
  parameters: unknown;
  tools: unknown;
  toolChoice: unknown;
  responseFormat: unknown;
}

export interface SettingChange {
  field: string;
  from: unknown;
  to: unknown;
}

export interface VersionDiff {
  /** A unified diff of the template (a chat template pretty-printed, one field per line). */
  template: string;
  changes: SettingChange[];
}

const SETTINGS: [field: string, read: (v: VersionFacts) => unknown][] = [
  ["template_type", (v) => v.templateType],
  ["model", (v) => v.model],
  ["virtual_key", (v) => v.virtualKeyId],
  ["parameters", (v) => withoutModel(v.parameters)],
  ["tools", (v) => v.tools],
  ["tool_choice", (v) => v.toolChoice],
  ["response_format", (v) => v.responseFormat],
];

// Parameters carry the model too (Portkey's shape): it is compared once, on its own.
function withoutModel(parameters: unknown): unknown {
  if (!parameters || typeof parameters !== "object" || Array.isArray(parameters)) return parameters;
  return Object.fromEntries(Object.entries(parameters).filter(([key]) => key !== "model"));
}

function readable(version: VersionFacts | null): string {
  if (!version) return "";
  if (version.templateType !== "chat") return version.template;
  try {
    return JSON.stringify(JSON.parse(version.template), null, 2);
  } catch {
    return version.template;
  }
}

/** The candidate against what the label serves now (null: the label serves nothing yet). */
export function versionDiff(base: VersionFacts | null, candidate: VersionFacts): VersionDiff {
  const template = createTwoFilesPatch(base ? `v${base.version}` : "(nothing)", `v${candidate.version}`, readable(base), readable(candidate), undefined, undefined, { context: 3 });
  const changes: SettingChange[] = [];
  for (const [field, read] of SETTINGS) {
    const from = base ? read(base) : null;
    const to = read(candidate);
    // Key order must not count as a change: parameters saved by different clients differ in it.
    if (stableStringify(from ?? null) !== stableStringify(to ?? null)) changes.push({ field, from: from ?? null, to: to ?? null });
  }
  return { template, changes };
}
