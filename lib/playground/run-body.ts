import { draftOverrides } from "./draft-body";
import type { Draft } from "./draft";

/**
 * Asks for usage in the last chunk when the key's provider declares it accepts OpenAI's
 * stream_options (GET /v1/providers, `usageInStream`). Others may refuse the unknown field,
 * so they stream without it and show a chunk count instead.
 */
export function streamOptionsFor(usageInStream: boolean): Record<string, unknown> {
  return usageInStream ? { stream_options: { include_usage: true } } : {};
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
  /** The key's provider declares usage in the stream. */
  usageInStream: boolean;
}): RunTarget {
  return {
    ref: `${input.promptId}@${input.version}`,
    body: {
      variables: input.variables,
      ...(input.dirty ? draftOverrides(input.draft) : {}),
      ...streamOptionsFor(input.usageInStream),
    },
  };
}
