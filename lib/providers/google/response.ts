import { chatCompletion, completionId, nowSeconds, randomHex, type ChoiceResult, type OpenAIUsage } from "../native/openai-output";
import { UpstreamAnswerError } from "../native/mapping-error";
import { isObject, type OpenAIToolCall } from "../native/openai-messages";
import { finishOf, nativeReasonField } from "./finish-reason";
import { idWithSignature, signatureExtension } from "./thought-signature";

/** A Gemini GenerateContentResponse → an OpenAI chat.completion; null when it is not one. */
export function toOpenAICompletion(response: Record<string, unknown>, requestModel: string) {
  const candidates = Array.isArray(response.candidates) ? response.candidates.filter(isObject) : [];
  if (candidates.length === 0 && !isObject(response.promptFeedback)) return null;
  const callIds = toolCallIds(response.responseId);
  const choices: ChoiceResult[] = candidates
    .sort((a, b) => Number(a.index ?? 0) - Number(b.index ?? 0))
    .map((candidate) => {
      const { text, calls } = candidateParts(candidate);
      const index = Number(candidate.index ?? 0);
      const toolCalls = calls.map((call, i): OpenAIToolCall => ({
        id: idWithSignature(call.id ?? callIds(index, i), call.signature),
        type: "function",
        function: { name: call.name, arguments: call.arguments },
        ...signatureExtension(call.signature),
      }));
      const outcome = finishOf(candidate.finishReason, toolCalls.length > 0, candidate.finishMessage);
      if ("failure" in outcome) throw new UpstreamAnswerError(outcome.failure.message, outcome.failure.code);
      return { content: text, toolCalls, finishReason: outcome.finishReason, fields: nativeReasonField(outcome) };
    });
  // The prompt itself was blocked (promptFeedback.blockReason): no candidate, nothing said.
  if (choices.length === 0) choices.push({ content: "", toolCalls: [], finishReason: "content_filter" });
  return chatCompletion({
    id: completionId(response.responseId),
    created: nowSeconds(),
    model: typeof response.modelVersion === "string" ? response.modelVersion : requestModel,
    choices,
    usage: usageOf(response.usageMetadata),
  });
}

export interface GeminiCall {
  id?: string;
  name: string;
  /** The call's `args` as the JSON string OpenAI's `arguments` is. */
  arguments: string;
  /** The thought signature Gemini put on the call's part, to be sent back with it. */
  signature?: string;
}

/** A candidate's visible text and function calls; thought summaries are not part of the answer. */
export function candidateParts(candidate: Record<string, unknown>): { text: string; calls: GeminiCall[] } {
  const parts = isObject(candidate.content) && Array.isArray(candidate.content.parts) ? candidate.content.parts : [];
  let text = "";
  const calls: GeminiCall[] = [];
  for (const part of parts) {
    if (!isObject(part) || part.thought === true) continue;
    if (typeof part.text === "string") text += part.text;
    if (isObject(part.functionCall) && typeof part.functionCall.name === "string") {
      const call = part.functionCall;
      calls.push({
        ...(typeof call.id === "string" && call.id ? { id: call.id } : {}),
        name: call.name as string,
        arguments: JSON.stringify(call.args ?? {}),
        ...(typeof part.thoughtSignature === "string" && part.thoughtSignature ? { signature: part.thoughtSignature } : {}),
      });
    }
  }
  return { text, calls };
}

/**
 * Gemini's function calls usually carry no id and OpenAI's must: derive one from the
 * response id (the same in every chunk of a stream), the candidate and the call's position,
 * so a call keeps its id however it is read.
 */
export function toolCallIds(responseId: unknown): (candidate: number, call: number) => string {
  const key = typeof responseId === "string" && /^[\w-]+$/.test(responseId) ? responseId : randomHex(8);
  return (candidate, call) => `call_${key}${candidate > 0 ? `_${candidate}` : ""}_${call}`;
}

/** Thinking tokens are output tokens to OpenAI (its reasoning_tokens are in completion_tokens). */
export function usageOf(metadata: unknown): OpenAIUsage {
  const u = isObject(metadata) ? metadata : {};
  const count = (key: string) => (typeof u[key] === "number" ? (u[key] as number) : 0);
  const prompt = count("promptTokenCount");
  const thoughts = count("thoughtsTokenCount");
  const completion = count("candidatesTokenCount") + thoughts;
  const cached = count("cachedContentTokenCount");
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: typeof u.totalTokenCount === "number" ? u.totalTokenCount : prompt + completion,
    ...(cached > 0 ? { prompt_tokens_details: { cached_tokens: cached } } : {}),
    ...(thoughts > 0 ? { completion_tokens_details: { reasoning_tokens: thoughts } } : {}),
  };
}
