import type { SseEvent } from "@/lib/core/sse/parse-sse";
import { UpstreamStreamError } from "../native/mapping-error";
import { ChunkWriter, completionId, type OpenAIUsage } from "../native/openai-output";
import { isObject } from "../native/openai-messages";
import type { StreamTranslator } from "../native/translate-stream";
import { errorObject, streamErrorMessage } from "./errors";
import { finishOf, nativeReasonField } from "./finish-reason";
import { candidateParts, toolCallIds, usageOf } from "./response";
import { idWithSignature, signatureExtension } from "./thought-signature";

interface CandidateState {
  toolCalls: number;
  finishReason: unknown;
  finishMessage: unknown;
  finished: boolean;
}

/**
 * Gemini's `streamGenerateContent?alt=sse` chunks → OpenAI chunks. Each `data:` is a whole
 * GenerateContentResponse holding the next piece of every candidate: text parts become
 * content deltas as they come, a function call (Gemini sends it whole) becomes a tool-call
 * delta with its id and name followed by its arguments. Usage metadata is cumulative, so
 * the last one seen is the answer's. When the provider closes the stream, each candidate's
 * finish chunk goes out, usage riding on the last, then [DONE].
 */
export function newGeminiStreamTranslator(requestModel: string): StreamTranslator {
  let writer: ChunkWriter | null = null;
  let callIds: ReturnType<typeof toolCallIds> | null = null;
  let usage: OpenAIUsage | null = null;
  let blocked = false;
  const candidates = new Map<number, CandidateState>();

  function onEvent(event: SseEvent): string[] {
    let data: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(event.data);
      data = Array.isArray(parsed) && isObject(parsed[0]) ? parsed[0] : (parsed as Record<string, unknown>);
      if (!isObject(data)) throw new Error("not an object");
    } catch {
      throw new UpstreamStreamError("Google Gemini sent an unreadable stream chunk");
    }
    const error = errorObject(data);
    if (error) throw new UpstreamStreamError(streamErrorMessage(error));

    // The first chunk names the stream: every later one carries the same responseId.
    writer ??= new ChunkWriter(completionId(data.responseId), typeof data.modelVersion === "string" ? data.modelVersion : requestModel);
    callIds ??= toolCallIds(data.responseId);
    const out = writer;
    const ids = callIds;
    if (isObject(data.usageMetadata)) usage = usageOf(data.usageMetadata);
    if (isObject(data.promptFeedback) && data.promptFeedback.blockReason) blocked = true;

    const frames: string[] = [];
    for (const candidate of Array.isArray(data.candidates) ? data.candidates.filter(isObject) : []) {
      const index = Number(candidate.index ?? 0);
      let state = candidates.get(index);
      if (!state) {
        state = { toolCalls: 0, finishReason: null, finishMessage: null, finished: false };
        candidates.set(index, state);
        frames.push(out.role(index));
      }
      const { text, calls } = candidateParts(candidate);
      if (text) frames.push(out.text(index, text));
      for (const call of calls) {
        const toolIndex = state.toolCalls++;
        const id = idWithSignature(call.id ?? ids(index, toolIndex), call.signature);
        frames.push(out.toolCallStart(index, toolIndex, id, call.name, signatureExtension(call.signature)));
        frames.push(out.toolCallArguments(index, toolIndex, call.arguments));
      }
      if (candidate.finishReason) {
        state.finishReason = candidate.finishReason;
        state.finishMessage = candidate.finishMessage;
        state.finished = true;
      }
    }
    return frames;
  }

  function onEnd(): string[] {
    if (blocked && candidates.size === 0) {
      // The prompt was refused before any candidate: one empty choice, filtered.
      const out = writer ?? new ChunkWriter(completionId(undefined), requestModel);
      return [out.role(0), out.delta(0, {}, "content_filter", usage ?? usageOf(null)), out.done()];
    }
    if (!writer || candidates.size === 0 || [...candidates.values()].some((state) => !state.finished)) {
      // No finish reason: the answer was cut short, which must not look like a complete one.
      throw new UpstreamStreamError("Google Gemini stream ended before a finish reason");
    }
    const out = writer;
    const indexes = [...candidates.keys()].sort((a, b) => a - b);
    const frames = indexes.map((index, i) => {
      const state = candidates.get(index) as CandidateState;
      const last = i === indexes.length - 1;
      const outcome = finishOf(state.finishReason, state.toolCalls > 0, state.finishMessage);
      // What came before is delivered; the stream then fails naming Gemini's reason.
      if ("failure" in outcome) throw new UpstreamStreamError(`Google Gemini error: ${outcome.failure.message} (${outcome.failure.code})`);
      return out.delta(index, {}, outcome.finishReason, last ? (usage ?? usageOf(null)) : undefined, nativeReasonField(outcome));
    });
    return [...frames, out.done()];
  }

  return { onEvent, onEnd };
}
