/**
 * The one map from Gemini's `finishReason` to OpenAI's `finish_reason`, shared by the JSON
 * answer and the stream. Gemini reports STOP after a function call; OpenAI says
 * "tool_calls", so a candidate that called a function finishes with that.
 */
const FINISH_REASONS: Record<string, string> = {
  STOP: "stop",
  MAX_TOKENS: "length",
  SAFETY: "content_filter",
  RECITATION: "content_filter",
  BLOCKLIST: "content_filter",
  PROHIBITED_CONTENT: "content_filter",
  SPII: "content_filter",
  IMAGE_SAFETY: "content_filter",
};

export function finishReasonOf(reason: unknown, calledTools: boolean): string {
  if (calledTools) return "tool_calls";
  return (typeof reason === "string" && FINISH_REASONS[reason]) || "stop";
}
