import { chatCompletion, completionId, nowSeconds, type OpenAIUsage } from "../native/openai-output";
import { isObject, type OpenAIToolCall } from "../native/openai-messages";
import { finishReasonOf } from "./finish-reason";

/** An Anthropic Message → an OpenAI chat.completion; null when the JSON is not a Message. */
export function toOpenAICompletion(message: Record<string, unknown>, requestModel: string) {
  if (!Array.isArray(message.content)) return null;
  let text = "";
  const toolCalls: OpenAIToolCall[] = [];
  for (const block of message.content) {
    if (!isObject(block)) continue;
    if (block.type === "text" && typeof block.text === "string") text += block.text;
    else if (block.type === "tool_use") {
      toolCalls.push({
        // Anthropic's ids (toolu_...) are stable and accepted back as tool_call_id.
        id: String(block.id),
        type: "function",
        function: { name: String(block.name), arguments: JSON.stringify(block.input ?? {}) },
      });
    }
    // thinking / redacted_thinking blocks have no place in an OpenAI message: not shown.
  }
  return chatCompletion({
    id: completionId(message.id),
    created: nowSeconds(),
    model: typeof message.model === "string" ? message.model : requestModel,
    choices: [{ content: text, toolCalls, finishReason: finishReasonOf(message.stop_reason) }],
    usage: usageOf(message.usage),
  });
}

/**
 * Anthropic counts cache reads and writes apart from `input_tokens`; OpenAI's
 * `prompt_tokens` includes cached tokens, so they are added back in.
 */
export function usageOf(usage: unknown): OpenAIUsage {
  const u = isObject(usage) ? usage : {};
  const count = (key: string) => (typeof u[key] === "number" ? (u[key] as number) : 0);
  const cached = count("cache_read_input_tokens");
  const prompt = count("input_tokens") + count("cache_creation_input_tokens") + cached;
  const completion = count("output_tokens");
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    ...(cached > 0 ? { prompt_tokens_details: { cached_tokens: cached } } : {}),
  };
}
