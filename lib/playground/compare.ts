import type { ProviderDeclaration } from "@/lib/providers/declaration";
import { draftOverrides } from "./draft-body";
import type { Draft } from "./draft";
import { streamOptionsFor, type RunTarget } from "./run-body";

export const MAX_COLUMNS = 4;

/** One compare column: what it runs (the draft or a saved version) and its own settings. */
export interface CompareColumn {
  id: string;
  source: "draft" | number;
  /** Empty: the source's own model. */
  model: string;
  temperature: string;
  maxTokens: string;
}

let seq = 0;
export function newColumn(source: CompareColumn["source"], model = ""): CompareColumn {
  return { id: `col-${Date.now().toString(36)}-${seq++}`, source, model, temperature: "", maxTokens: "" };
}

/** The column's own overrides; a value that doesn't parse is left to the source's setting. */
function columnOverrides(column: CompareColumn): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (column.model.trim()) out.model = column.model.trim();
  const temperature = Number(column.temperature);
  if (column.temperature.trim() && Number.isFinite(temperature) && temperature >= 0 && temperature <= 2) out.temperature = temperature;
  const maxTokens = Number(column.maxTokens);
  if (column.maxTokens.trim() && Number.isInteger(maxTokens) && maxTokens > 0) out.max_tokens = maxTokens;
  return out;
}

export function columnRunTarget(input: {
  column: CompareColumn;
  promptId: string;
  /** The version the draft is based on. */
  baseVersion: number;
  draft: Draft;
  variables: Record<string, unknown>;
  /** The key's provider declares usage in the stream. */
  usageInStream: boolean;
}): RunTarget {
  const { column } = input;
  const draft = column.source === "draft";
  return {
    ref: `${input.promptId}@${draft ? input.baseVersion : column.source}`,
    body: {
      variables: input.variables,
      ...(draft ? draftOverrides(input.draft) : {}),
      ...columnOverrides(column),
      ...streamOptionsFor(input.usageInStream),
    },
  };
}

export function sourceLabel(source: CompareColumn["source"]): string {
  return source === "draft" ? "Draft" : `v${source}`;
}

/**
 * What a column's empty temperature field stands for, shown as its placeholder: the value its
 * source saved, else the default its provider declares, else plainly the provider's default.
 */
export function temperatureHint(saved: unknown, provider: Pick<ProviderDeclaration, "displayName" | "defaultTemperature"> | null | undefined): { placeholder: string; title: string } {
  const text = saved === undefined || saved === null ? "" : String(saved).trim();
  if (text) return { placeholder: text, title: `Saved temperature: ${text}` };
  if (provider?.defaultTemperature !== undefined) return { placeholder: String(provider.defaultTemperature), title: `${provider.displayName}'s default temperature: ${provider.defaultTemperature}` };
  return { placeholder: "default", title: provider ? `${provider.displayName}'s own default temperature` : "The provider's default temperature" };
}
