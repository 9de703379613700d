import { STATUS_CODES } from "node:http";
import type { NormalizedToolCall } from "./answer";

/** Builders for OpenAI's wire objects, shaped like what api.openai.com returns. */

export type OpenAIKind = "chat" | "completion";

/** Everything one answer needs, decided before the first byte is written. */
export interface AnswerPlan {
  kind: OpenAIKind;
  id: string;
  created: number;
  model: string;
  /** Number of choices (the request's `n`); each choice carries the same answer. */
  n: number;
  tokens: string[];
  toolCalls: NormalizedToolCall[] | null;
  finishReason: string;
  promptTokens: number;
  includeUsage: boolean;
}

const SYSTEM_FINGERPRINT = "fp_mock";

export function usage(plan: AnswerPlan) {
  // Tool calls: about four characters of JSON arguments per token, as with real tokenizers.
  const perChoice = plan.toolCalls
    ? plan.toolCalls.reduce((sum, c) => sum + Math.ceil(c.arguments.length / 4) + 1, 0)
    : plan.tokens.length;
  const completion = perChoice * plan.n;
  return { prompt_tokens: plan.promptTokens, completion_tokens: completion, total_tokens: plan.promptTokens + completion };
}

function choices<T>(plan: AnswerPlan, make: (index: number) => T): T[] {
  return Array.from({ length: plan.n }, (_, index) => make(index));
}

export function chatCompletion(plan: AnswerPlan) {
  const message = plan.toolCalls
    ? {
        role: "assistant",
        content: null,
        tool_calls: plan.toolCalls.map((c) => ({ id: c.id, type: "function", function: { name: c.name, arguments: c.arguments } })),
        refusal: null,
      }
    : { role: "assistant", content: plan.tokens.join(""), refusal: null };
  return {
    id: plan.id,
    object: "chat.completion",
    created: plan.created,
    model: plan.model,
    system_fingerprint: SYSTEM_FINGERPRINT,
    choices: choices(plan, (index) => ({ index, message, logprobs: null, finish_reason: plan.finishReason })),
    usage: usage(plan),
  };
}

export function textCompletion(plan: AnswerPlan) {
  return {
    id: plan.id,
    object: "text_completion",
    created: plan.created,
    model: plan.model,
    system_fingerprint: SYSTEM_FINGERPRINT,
    choices: choices(plan, (index) => ({ text: plan.tokens.join(""), index, logprobs: null, finish_reason: plan.finishReason })),
    usage: usage(plan),
  };
}

/** One streamed event for choice `index`: a chat delta, or a completion text piece. */
export function chunk(plan: AnswerPlan, index: number, delta: Record<string, unknown> | string, finishReason: string | null = null) {
  const choice =
    plan.kind === "chat"
      ? { index, delta, logprobs: null, finish_reason: finishReason }
      : { text: delta, index, logprobs: null, finish_reason: finishReason };
  return {
    ...chunkHead(plan),
    choices: [choice],
    // With stream_options.include_usage OpenAI puts `usage: null` on every chunk but the last.
    ...(plan.includeUsage ? { usage: null } : {}),
  };
}

/** The fields every streamed chunk of one answer repeats. */
function chunkHead(plan: AnswerPlan) {
  return {
    id: plan.id,
    object: plan.kind === "chat" ? "chat.completion.chunk" : "text_completion",
    created: plan.created,
    model: plan.model,
    system_fingerprint: SYSTEM_FINGERPRINT,
  };
}

/** The extra last chunk sent when stream_options.include_usage is true. */
export function usageChunk(plan: AnswerPlan) {
  return { ...chunkHead(plan), choices: [], usage: usage(plan) };
}

const ERROR_KINDS: Record<number, { type: string; code: string | null }> = {
  400: { type: "invalid_request_error", code: null },
  401: { type: "invalid_request_error", code: "invalid_api_key" },
  403: { type: "invalid_request_error", code: "unsupported_country_region_territory" },
  404: { type: "invalid_request_error", code: "model_not_found" },
  429: { type: "requests", code: "rate_limit_exceeded" },
  503: { type: "server_error", code: "service_unavailable" },
};

/** OpenAI's error body: `{error: {message, type, param, code}}`. */
export function openAIError(status: number, message?: string) {
  const kind = ERROR_KINDS[status] ?? { type: status >= 500 ? "server_error" : "invalid_request_error", code: null };
  return {
    error: {
      message: message ?? `Mock error ${status}: ${STATUS_CODES[status] ?? "error"}`,
      type: kind.type,
      param: null,
      code: kind.code,
    },
  };
}
