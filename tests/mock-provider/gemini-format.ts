import { STATUS_CODES } from "node:http";
import { argumentsObject, type NativePlan, type NativeStop } from "./native-plan";

/** Builders for Gemini's GenerateContentResponse, shaped like generativelanguage.googleapis.com's. */

const FINISH_REASONS: Record<NativeStop, string> = {
  end: "STOP",
  // Gemini reports a matched stop sequence, and a function call, as a plain STOP.
  stop_sequence: "STOP",
  tool_calls: "STOP",
  max_tokens: "MAX_TOKENS",
  content_filter: "SAFETY",
};

export interface GeminiShape {
  plan: NativePlan;
  /** generationConfig.candidateCount: every candidate carries the same answer. */
  candidates: number;
}

type Part = Record<string, unknown>;

export function functionCallParts(plan: NativePlan): Part[] {
  return (plan.toolCalls ?? []).map((call, i) => ({
    // Gemini only sometimes returns call ids: the mock sends one only when the behaviour gave it.
    functionCall: { ...(plan.idGiven[i] ? { id: call.id } : {}), name: call.name, args: argumentsObject(call) },
  }));
}

export function usageMetadata(plan: NativePlan, outputSoFar = plan.outputTokens) {
  return { promptTokenCount: plan.promptTokens, candidatesTokenCount: outputSoFar, totalTokenCount: plan.promptTokens + outputSoFar };
}

/** One GenerateContentResponse: the given parts for every candidate, finished or not. */
export function geminiResponse(shape: GeminiShape, parts: Part[], finished: boolean, outputSoFar?: number) {
  const { plan } = shape;
  return {
    candidates: Array.from({ length: shape.candidates }, (_, index) => ({
      content: { parts, role: "model" },
      ...(finished ? { finishReason: FINISH_REASONS[plan.stop] } : {}),
      index,
    })),
    usageMetadata: usageMetadata(plan, outputSoFar),
    modelVersion: plan.model,
    responseId: plan.id,
  };
}

export function fullResponse(shape: GeminiShape) {
  const parts = shape.plan.toolCalls ? functionCallParts(shape.plan) : [{ text: shape.plan.tokens.join("") }];
  return geminiResponse(shape, parts, true);
}

const STATUS_NAMES: Record<number, string> = {
  400: "INVALID_ARGUMENT",
  401: "UNAUTHENTICATED",
  403: "PERMISSION_DENIED",
  404: "NOT_FOUND",
  429: "RESOURCE_EXHAUSTED",
  500: "INTERNAL",
  503: "UNAVAILABLE",
  504: "DEADLINE_EXCEEDED",
};

const DEFAULT_MESSAGES: Record<number, string> = {
  429: "Resource has been exhausted (e.g. check quota).",
  503: "The model is overloaded. Please try again later.",
};

/** Google's error body: `{error:{code, message, status}}`. */
export function geminiError(status: number, message?: string) {
  return {
    error: {
      code: status,
      message: message ?? DEFAULT_MESSAGES[status] ?? `Mock error ${status}: ${STATUS_CODES[status] ?? "error"}`,
      status: STATUS_NAMES[status] ?? (status >= 500 ? "INTERNAL" : "FAILED_PRECONDITION"),
    },
  };
}
