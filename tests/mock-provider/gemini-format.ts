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
  /** A finishReason of Gemini's own list sent as is (MALFORMED_FUNCTION_CALL, LANGUAGE...). */
  finishReason?: string;
  /** The thought signature a thinking model puts on its first function call, or its text. */
  signature?: string;
  /** A thought summary part (`thought: true`) sent before the answer. */
  thoughts?: string;
}

type Part = Record<string, unknown>;

export function functionCallParts(shape: GeminiShape): Part[] {
  const { plan } = shape;
  return (plan.toolCalls ?? []).map((call, i) => ({
    // Gemini only sometimes returns call ids: the mock sends one only when the behaviour gave it.
    functionCall: { ...(plan.idGiven[i] ? { id: call.id } : {}), name: call.name, args: argumentsObject(call) },
    // Of parallel calls, only the first is signed.
    ...(i === 0 && shape.signature ? { thoughtSignature: shape.signature } : {}),
  }));
}

export function thoughtParts(shape: GeminiShape): Part[] {
  return shape.thoughts ? [{ text: shape.thoughts, thought: true }] : [];
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
      ...(finished ? { finishReason: shape.finishReason ?? FINISH_REASONS[plan.stop] } : {}),
      index,
    })),
    usageMetadata: usageMetadata(plan, outputSoFar),
    modelVersion: plan.model,
    responseId: plan.id,
  };
}

export function fullResponse(shape: GeminiShape) {
  const text = { text: shape.plan.tokens.join(""), ...(shape.signature ? { thoughtSignature: shape.signature } : {}) };
  const parts = [...thoughtParts(shape), ...(shape.plan.toolCalls ? functionCallParts(shape) : [text])];
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

/** A bad key: Google answers 400 INVALID_ARGUMENT, the reason in an ErrorInfo detail. */
export function geminiKeyError() {
  const message = "API key not valid. Please pass a valid API key.";
  return {
    error: {
      code: 400,
      message,
      status: "INVALID_ARGUMENT",
      details: [
        { "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "API_KEY_INVALID", domain: "googleapis.com", metadata: { service: "generativelanguage.googleapis.com" } },
        { "@type": "type.googleapis.com/google.rpc.LocalizedMessage", locale: "en-US", message },
      ],
    },
  };
}

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
