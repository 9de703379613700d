import { STATUS_CODES } from "node:http";
import { argumentsObject, type NativePlan, type NativeStop } from "./native-plan";

/** Builders for Anthropic's Messages API wire objects, shaped like api.anthropic.com's. */

const STOP_REASONS: Record<NativeStop, string> = {
  end: "end_turn",
  stop_sequence: "stop_sequence",
  max_tokens: "max_tokens",
  tool_calls: "tool_use",
  content_filter: "refusal",
};

/**
 * Stop reasons only Anthropic has, which a behaviour's `finishReason` may name as they are:
 * `refusal` (also reached through "content_filter"), `pause_turn` and
 * `model_context_window_exceeded`. They replace the end of a text answer.
 */
const NATIVE_ONLY = new Set(["refusal", "pause_turn", "model_context_window_exceeded"]);

export function stopReason(plan: NativePlan, finishReason?: string): string {
  if (plan.stop === "end" && finishReason && NATIVE_ONLY.has(finishReason)) return finishReason;
  return STOP_REASONS[plan.stop];
}

export function anthropicMessage(plan: NativePlan, finishReason?: string) {
  const content = plan.toolCalls
    ? plan.toolCalls.map((call) => ({ type: "tool_use", id: call.id, name: call.name, input: argumentsObject(call) }))
    : [{ type: "text", text: plan.tokens.join("") }];
  return {
    id: plan.id,
    type: "message",
    role: "assistant",
    model: plan.model,
    content,
    stop_reason: stopReason(plan, finishReason),
    stop_sequence: plan.stopSequence,
    usage: { input_tokens: plan.promptTokens, output_tokens: plan.outputTokens },
  };
}

/** The skeleton message of `message_start`: no content yet, one output token counted. */
export function messageStart(plan: NativePlan) {
  return {
    type: "message_start",
    message: {
      id: plan.id,
      type: "message",
      role: "assistant",
      model: plan.model,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { input_tokens: plan.promptTokens, output_tokens: 1 },
    },
  };
}

export function messageDelta(plan: NativePlan, finishReason?: string) {
  return {
    type: "message_delta",
    delta: { stop_reason: stopReason(plan, finishReason), stop_sequence: plan.stopSequence },
    usage: { output_tokens: plan.outputTokens },
  };
}

const ERROR_TYPES: Record<number, string> = {
  400: "invalid_request_error",
  401: "authentication_error",
  403: "permission_error",
  404: "not_found_error",
  413: "request_too_large",
  429: "rate_limit_error",
  500: "api_error",
  529: "overloaded_error",
};

const DEFAULT_MESSAGES: Record<number, string> = { 529: "Overloaded", 401: "invalid x-api-key", 429: "Number of requests has exceeded your rate limit" };

/** Anthropic's error body: `{type:"error", error:{type, message}}`. */
export function anthropicError(status: number, message?: string) {
  return {
    type: "error",
    error: {
      type: ERROR_TYPES[status] ?? (status >= 500 ? "api_error" : "invalid_request_error"),
      message: message ?? DEFAULT_MESSAGES[status] ?? `Mock error ${status}: ${STATUS_CODES[status] ?? "error"}`,
    },
  };
}
