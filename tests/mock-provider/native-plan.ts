import { randomBytes } from "node:crypto";
import { answerTokens, countWords, normalizeToolCalls, type NormalizedToolCall } from "./answer";
import { tokenDelay } from "./behavior";
import type { MockBehavior, MockExchange } from "./types";

/**
 * The format-neutral answer of the native (Anthropic, Gemini) routes, decided before the
 * first byte. Unlike the OpenAI routes these honour the request's stop sequences and token
 * limit, as the real APIs do, so an end-to-end test can see a stop reason come back.
 */
export type NativeStop = "end" | "stop_sequence" | "max_tokens" | "tool_calls" | "content_filter";

export interface NativePlan {
  id: string;
  model: string;
  tokens: string[];
  toolCalls: NormalizedToolCall[] | null;
  /** Per tool call: whether the behaviour gave its id (Gemini omits ids it was not given). */
  idGiven: boolean[];
  stop: NativeStop;
  /** The stop sequence that ended the answer, for Anthropic's `stop_sequence`. */
  stopSequence: string | null;
  promptTokens: number;
  outputTokens: number;
}

export interface NativeRequestFacts {
  model: string;
  promptText: string;
  allText: string;
  stopSequences: string[];
  maxTokens: number | undefined;
}

export function nativePlan(behavior: MockBehavior, facts: NativeRequestFacts, idPrefix: string): NativePlan {
  const toolCalls = behavior.toolCalls?.length ? normalizeToolCalls(behavior.toolCalls) : null;
  let tokens = toolCalls ? [] : answerTokens(behavior, facts.promptText);
  let stop: NativeStop = toolCalls ? "tool_calls" : behavior.finishReason === "length" ? "max_tokens" : behavior.finishReason === "content_filter" ? "content_filter" : "end";
  let stopSequence: string | null = null;
  if (!toolCalls) {
    const cut = cutAtStop(tokens, facts.stopSequences);
    if (cut) {
      ({ tokens, stopSequence } = cut);
      stop = "stop_sequence";
    }
    if (facts.maxTokens !== undefined && tokens.length > facts.maxTokens) {
      tokens = tokens.slice(0, facts.maxTokens);
      stop = "max_tokens";
      stopSequence = null;
    }
  }
  // Tool calls: about four characters of JSON arguments per token, as in openai-format.ts.
  const outputTokens = toolCalls ? toolCalls.reduce((sum, c) => sum + Math.ceil(c.arguments.length / 4) + 1, 0) : tokens.length;
  return {
    id: `${idPrefix}${randomBytes(8).toString("hex")}`,
    model: facts.model,
    tokens,
    toolCalls,
    idGiven: (behavior.toolCalls ?? []).map((call) => typeof call.id === "string"),
    stop,
    stopSequence,
    promptTokens: Math.max(1, countWords(facts.allText)),
    outputTokens,
  };
}

/** The tokens before the earliest stop sequence (the last one cut mid-way if need be). */
function cutAtStop(tokens: string[], stops: string[]): { tokens: string[]; stopSequence: string } | null {
  const text = tokens.join("");
  let best: { at: number; stop: string } | null = null;
  for (const stop of stops) {
    const at = stop ? text.indexOf(stop) : -1;
    if (at !== -1 && (!best || at < best.at)) best = { at, stop };
  }
  if (!best) return null;
  const kept: string[] = [];
  let length = 0;
  for (const token of tokens) {
    if (length + token.length <= best.at) kept.push(token);
    else if (length < best.at) kept.push(token.slice(0, best.at - length));
    length += token.length;
  }
  return { tokens: kept, stopSequence: best.stop };
}

/** A tool call's arguments as the object the native formats carry. */
export function argumentsObject(call: NormalizedToolCall): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(call.arguments);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * Writes paced steps (each one "token": a text piece or a tool-call piece, possibly several
 * events) with the behaviour's delays, cutting the connection or sending the provider's
 * in-stream error where it says. Returns false when the exchange ended early (client gone,
 * cut, error sent): the caller then writes nothing more.
 */
export async function writeSteps(ex: MockExchange, steps: Array<() => void>, sendStreamError: () => void): Promise<boolean> {
  const { behavior } = ex;
  const cutHere = (sent: number) => behavior.cutAfterTokens !== undefined && sent >= behavior.cutAfterTokens;
  for (let i = 0; i < steps.length; i++) {
    if (!(await ex.sleep(tokenDelay(behavior, i)))) return false;
    if (cutHere(i)) {
      ex.cut();
      return false;
    }
    if (behavior.streamErrorAfterTokens !== undefined && i >= behavior.streamErrorAfterTokens) {
      sendStreamError();
      ex.endStream();
      return false;
    }
    steps[i]();
    ex.record.tokensSent = i + 1;
  }
  // Cutting after the last token still loses the closing events: a truncated stream.
  if (cutHere(steps.length)) {
    ex.cut();
    return false;
  }
  return !ex.closed;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
