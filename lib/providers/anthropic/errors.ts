import { isObject } from "../native/openai-messages";
import { parseErrorBody } from "../openai-compatible";

/**
 * Anthropic's error body: `{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}`.
 * The message is kept and the error type becomes the code (the status is kept by the caller:
 * 401 authentication_error, 429 rate_limit_error, 529 overloaded_error...).
 */
export function parseAnthropicError(text: string, status: number, statusText = ""): { message: string; code: string | null } {
  try {
    const json: unknown = JSON.parse(text);
    if (isObject(json) && isObject(json.error) && typeof json.error.message === "string" && json.error.message) {
      return { message: json.error.message, code: typeof json.error.type === "string" ? json.error.type : null };
    }
  } catch {
    // Not JSON (a proxy's HTML page): the generic reader keeps what it can.
  }
  return parseErrorBody(text, status, statusText);
}

/** An in-stream `error` event's data, as the message the client's error event carries. */
export function streamErrorMessage(data: Record<string, unknown>): string {
  const error = isObject(data.error) ? data.error : {};
  const message = typeof error.message === "string" && error.message ? error.message : "stream error";
  return `Anthropic error: ${message}${typeof error.type === "string" ? ` (${error.type})` : ""}`;
}
