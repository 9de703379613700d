import { isObject } from "../native/openai-messages";
import { parseErrorBody } from "../openai-compatible";

/**
 * Google's error body: `{"error":{"code":429,"message":"...","status":"RESOURCE_EXHAUSTED"}}`,
 * sometimes wrapped in a one-element array. The message is kept and the status name becomes
 * the code (the HTTP status itself is kept by the caller). One exception: Google answers a bad
 * API key with 400 INVALID_ARGUMENT, the reason API_KEY_INVALID in its `details`; that is a
 * failed authentication, reported as the 401 it is.
 */
export function parseGeminiError(text: string, status: number, statusText = ""): { message: string; code: string | null; status?: number } {
  const error = errorObject(text);
  if (error && typeof error.message === "string" && error.message) {
    if (reasons(error).includes("API_KEY_INVALID")) return { message: error.message, code: "authentication_error", status: 401 };
    const code = typeof error.status === "string" ? error.status : typeof error.code === "number" ? String(error.code) : null;
    return { message: error.message, code };
  }
  return parseErrorBody(text, status, statusText);
}

/** The `reason` of each google.rpc.ErrorInfo in the error's details. */
function reasons(error: Record<string, unknown>): string[] {
  const details = Array.isArray(error.details) ? error.details : [];
  return details.flatMap((detail) => (isObject(detail) && typeof detail.reason === "string" ? [detail.reason] : []));
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
