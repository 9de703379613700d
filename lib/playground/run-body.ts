import { draftOverrides } from "./draft-body";
import type { Draft } from "./draft";

// Providers known to accept OpenAI's stream_options (usage in the last chunk). Others may
// refuse the unknown field, so they stream without it and show a chunk count instead.
const USAGE_IN_STREAM = new Set(["openai", "azure-openai", "groq", "deepseek", "together-ai", "openrouter", "ollama", "openai-compatible"]);

export function streamOptionsFor(provider: string | null | undefined): Record<string, unknown> {
  return provider && USAGE_IN_STREAM.has(provider) ? { stream_options: { include_usage: true } } : {};
}

export interface RunTarget {
  /** `id@3`: the path the completions route is called on. */
  ref: string;
  body: Record<string, unknown>;
}

/**
 * The editor's Run. A draft identical to its saved version runs that version as is (logged
 * under its number); an edited one runs on top of it with the draft as overrides (logged as
 * a draft). A version opened read only runs itself.
 */
export function editorRunTarget(input: {
  promptId: string;
  version: number;
  draft: Draft;
  dirty: boolean;
  variables: Record<string, unknown>;
  provider: string | null;
}): RunTarget {
  return {
    ref: `${input.promptId}@${input.version}`,
    body: {
      variables: input.variables,
      ...(input.dirty ? draftOverrides(input.draft) : {}),
      ...streamOptionsFor(input.provider),
    },
  };
}
