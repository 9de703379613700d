import type { ModelFamily } from "../types";

/**
 * What each generation of Claude accepts, from the Messages API reference, the SDK's
 * deprecation notes (anthropic-sdk-typescript, MessageCreateParams: temperature, top_p and
 * top_k on "models released after Claude Opus 4.6"), the structured-outputs page (which models
 * take `output_config.format`) and the 400s users report: the longest matching prefix wins, and
 * any other `claude-` model is taken to be a current one, the strictest, so a model released
 * after this list is refused up front rather than by the API.
 *
 * JSON mode (`json_object`) stays off everywhere: structured outputs need a schema whose
 * objects all set `additionalProperties: false`, so "any JSON object" cannot be asked for.
 */
export const ANTHROPIC_MODEL_FAMILIES: readonly ModelFamily[] = [
  {
    name: "Claude 3",
    prefixes: ["claude-3-"],
  },
  {
    name: "Claude Sonnet 4 and Opus 4",
    prefixes: ["claude-sonnet-4-0", "claude-sonnet-4-2025", "claude-opus-4-0", "claude-opus-4-2025"],
  },
  {
    // The first to reject temperature and top_p together; not among the structured-outputs models.
    name: "Claude Opus 4.1",
    prefixes: ["claude-opus-4-1"],
    exclusive: [["temperature", "top_p"]],
  },
  {
    name: "Claude Sonnet 4.5, Haiku 4.5 and Opus 4.5",
    prefixes: ["claude-sonnet-4-5", "claude-haiku-4-5", "claude-opus-4-5"],
    capabilities: { jsonSchema: true },
    exclusive: [["temperature", "top_p"]],
  },
  {
    // "This model does not support assistant message prefill": the conversation must end with a user turn.
    name: "Claude Opus 4.6 and Sonnet 4.6",
    prefixes: ["claude-opus-4-6", "claude-sonnet-4-6"],
    capabilities: { jsonSchema: true },
    exclusive: [["temperature", "top_p"]],
    assistantPrefill: false,
  },
  {
    // Models released after Opus 4.6 fix sampling: temperature only at 1, top_p only at 0.99 or
    // more (both accepted for backwards compatibility, so dropped here), top_k not at all.
    name: "Claude models after Opus 4.6",
    prefixes: ["claude-"],
    capabilities: { jsonSchema: true },
    parameters: { temperature: { accepts: { equals: 1 } }, top_p: { accepts: { atLeast: 0.99 } }, top_k: {} },
    assistantPrefill: false,
  },
];
