import { CONTROL_KEYS } from "./request-schema";

export interface StoredSettings {
  model: string | null;
  parameters: Record<string, unknown> | null;
  tools: unknown;
  toolChoice: unknown;
  responseFormat: unknown;
  functions: unknown;
}

// Never taken from storage or the request: streaming is decided per request, and the
// messages / prompt come only from the rendered template.
const NOT_MERGED = new Set<string>([...CONTROL_KEYS, "messages", "prompt", "template", "template_type"]);

/**
 * The provider body's settings: stored parameters, then the version's own columns (model,
 * tools...), then the request's overrides; later wins, and null/undefined never erase.
 */
export function mergeParameters(stored: StoredSettings, overrides: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  const layer = (source: Record<string, unknown> | null | undefined) => {
    if (!source) return;
    for (const [key, value] of Object.entries(source)) {
      if (value !== undefined && value !== null && !NOT_MERGED.has(key)) merged[key] = value;
    }
  };
  layer(stored.parameters);
  layer({
    model: stored.model,
    tools: stored.tools,
    tool_choice: stored.toolChoice,
    response_format: stored.responseFormat,
    functions: stored.functions,
  });
  layer(overrides);
  return merged;
}
