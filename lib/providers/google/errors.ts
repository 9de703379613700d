import { isObject } from "../native/openai-messages";
import { parseErrorBody } from "../openai-compatible";

/**
 * Google's error body: `{"error":{"code":429,"message":"...","status":"RESOURCE_EXHAUSTED"}}`,
 * sometimes wrapped in a one-element array. The message is kept and the status name becomes
 * the code (the HTTP status itself is kept by the caller).
 */
export function parseGeminiError(text: string, status: number, statusText = ""): { message: string; code: string | null } {
  const error = errorObject(text);
  if (error && typeof error.message === "string" && error.message) {
    const code = typeof error.status === "string" ? error.status : typeof error.code === "number" ? String(error.code) : null;
    return { message: error.message, code };
  }
  return parseErrorBody(text, status, statusText);
}

/** The `error` object of a body (or of a stream chunk), if it is one. */
export function errorObject(text: string | Record<string, unknown>): Record<string, unknown> | null {
  let json: unknown = text;
  if (typeof text === "string") {
    try {
      json = JSON.parse(text);
    } catch {
      return null;
    }
  }
  const root = Array.isArray(json) ? json[0] : json;
  return isObject(root) && isObject(root.error) ? root.error : null;
}

export function streamErrorMessage(error: Record<string, unknown>): string {
  const message = typeof error.message === "string" && error.message ? error.message : "stream error";
  return `Google Gemini error: ${message}${typeof error.status === "string" ? ` (${error.status})` : ""}`;
}
