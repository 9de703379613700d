import { draftOverrides } from "./draft-body";
import { templateString, type Draft } from "./draft";
import { continuationTemplate, type ConversationMessage } from "./tool-turn";

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
 * a draft). A version opened read only runs itself. A conversation continued past tool calls
 * runs the template with those turns after it, as a draft.
 */
export function editorRunTarget(input: {
  promptId: string;
  version: number;
  draft: Draft;
  dirty: boolean;
  variables: Record<string, unknown>;
  /** The key's provider declares usage in the stream. */
  usageInStream: boolean;
  /** Turns appended after the template's messages (chat only): tool calls and their results. */
  conversation?: ConversationMessage[];
}): RunTarget {
  const continued = input.draft.templateType === "chat" && (input.conversation?.length ?? 0) > 0;
  return {
    ref: `${input.promptId}@${input.version}`,
    body: {
      variables: input.variables,
      ...(input.dirty || continued ? draftOverrides(input.draft) : {}),
      ...(continued ? { template: continuationTemplate(templateString(input.draft), input.conversation ?? []) } : {}),
      ...streamOptionsFor(input.usageInStream),
    },
  };
}
