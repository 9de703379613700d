/**
 * The one map from Gemini's `finishReason` (the FinishReason enum of Google's SDK) to OpenAI's
 * `finish_reason`, shared by the JSON answer and the stream. Gemini reports STOP after a
 * function call; OpenAI says "tool_calls", so a candidate that called a function finishes with
 * that. A reason OpenAI's list cannot say is not turned into a silent "stop":
 * - the filters (safety, recitation, blocklists, personal data, an unsupported language, the
 *   image filters) are "content_filter", with Gemini's reason kept as `native_finish_reason`;
 * - an answer cut short by a broken or unexpected function call, too many tool calls, or an
 *   unspecified reason is an error naming the reason, not a partial answer passed as whole.
 */
const FINISH_REASONS: Record<string, string> = {
  STOP: "stop",
  MAX_TOKENS: "length",
  SAFETY: "content_filter",
  RECITATION: "content_filter",
  LANGUAGE: "content_filter",
  BLOCKLIST: "content_filter",
  PROHIBITED_CONTENT: "content_filter",
  SPII: "content_filter",
  IMAGE_SAFETY: "content_filter",
  IMAGE_PROHIBITED_CONTENT: "content_filter",
  IMAGE_RECITATION: "content_filter",
};

/** The reasons that end an answer without a usable result, with what Google's SDK says of them. */
const FAILURES: Record<string, string> = {
  MALFORMED_FUNCTION_CALL: "the function call the model generated is invalid",
  UNEXPECTED_TOOL_CALL: "the model made a tool call that was not expected",
  TOO_MANY_TOOL_CALLS: "the model called too many tools consecutively",
  OTHER: "generation stopped for an unspecified reason",
  NO_IMAGE: "the model was expected to generate an image, but none was generated",
  IMAGE_OTHER: "image generation stopped for a reason not otherwise specified",
  FINISH_REASON_UNSPECIFIED: "the finish reason is unspecified",
};

export type FinishOutcome =
  | { finishReason: string; nativeReason?: string }
  | { failure: { message: string; code: string } };

export function finishOf(reason: unknown, calledTools: boolean, finishMessage?: unknown): FinishOutcome {
  if (typeof reason === "string" && reason) {
    const known = FINISH_REASONS[reason];
    if (!known || reason in FAILURES) {
      const detail = typeof finishMessage === "string" && finishMessage ? finishMessage : (FAILURES[reason] ?? "an unknown finish reason");
      return { failure: { message: `the answer ended with ${reason}: ${detail}`, code: reason } };
    }
    if (calledTools) return { finishReason: "tool_calls" };
    return known === "content_filter" ? { finishReason: known, nativeReason: reason } : { finishReason: known };
  }
  return { finishReason: calledTools ? "tool_calls" : "stop" };
}

/** The extra choice field keeping Gemini's own reason where OpenAI's says less. */
export function nativeReasonField(outcome: { nativeReason?: string }): Record<string, unknown> {
  return outcome.nativeReason ? { native_finish_reason: outcome.nativeReason } : {};
}
