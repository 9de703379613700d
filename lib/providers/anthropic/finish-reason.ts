/**
 * The one map from Anthropic's `stop_reason` to OpenAI's `finish_reason`, used by both the
 * JSON answer and the stream so the two can never disagree.
 */
const FINISH_REASONS: Record<string, string> = {
  end_turn: "stop",
  stop_sequence: "stop",
  // A server tool paused a long turn: the answer so far is complete as far as OpenAI can say.
  pause_turn: "stop",
  max_tokens: "length",
  model_context_window_exceeded: "length",
  tool_use: "tool_calls",
  refusal: "content_filter",
};

export function finishReasonOf(stopReason: unknown): string {
  return (typeof stopReason === "string" && FINISH_REASONS[stopReason]) || "stop";
}
