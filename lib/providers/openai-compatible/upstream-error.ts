import type { UpstreamResponse } from "../http/post-upstream";
import type { ProviderResponse } from "../types";

export type ProviderFailure = Extract<ProviderResponse, { ok: false }>;

/** Upstream error text can be a whole HTML page: keep what a log line and a client can use. */
const MAX_MESSAGE_CHARS = 1000;

/**
 * Reads a non-2xx answer, keeping its status. Understands (unless `parse` is given) OpenAI's `{error:{message,type,code}}`
 * and the shapes compatible servers actually send (Ollama `{error: "..."}`, Mistral
 * `{message, type, code}`, FastAPI/vLLM `{detail}`), falling back to the raw text.
 */
export async function readUpstreamError(response: UpstreamResponse, parse: (text: string, status: number, statusText: string) => { message: string; code: string | null; status?: number } = parseErrorBody): Promise<ProviderFailure> {
  const text = await response.text();
  const { message, code, status } = parse(text, response.status, response.statusText);
  const retryAfter = retryAfterOf(response.headers);
  return { ok: false, status: status ?? response.status, message, code, ...(retryAfter ? { retryAfter } : {}) };
}

export function parseErrorBody(text: string, status: number, statusText = ""): { message: string; code: string | null } {
  const fallback = `HTTP ${status}${statusText ? ` ${statusText}` : ""}`;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { message: clip(text.trim()) || fallback, code: null };
  }
  // Some servers wrap the error in a one-element array.
  const root = Array.isArray(json) ? json[0] : json;
  if (!isObject(root)) return { message: clip(text.trim()) || fallback, code: null };

  const error = root.error;
  if (isObject(error)) {
    const message = stringOf(error.message) ?? stringOf(root.message) ?? clip(JSON.stringify(error));
    return { message: clip(message) || fallback, code: codeOf(error.code) ?? codeOf(error.type) };
  }
  const message = stringOf(error) ?? stringOf(root.message) ?? detailOf(root.detail) ?? clip(text.trim());
  return { message: clip(message) || fallback, code: codeOf(root.code) ?? codeOf(root.type) };
}

/** `retry-after` as sent (seconds or an HTTP date); `retry-after-ms` rounded up to seconds. */
function retryAfterOf(headers: UpstreamResponse["headers"]): string | undefined {
  const value = headers.get("retry-after");
  if (value) return value.trim();
  const ms = Number(headers.get("retry-after-ms"));
  return Number.isFinite(ms) && ms > 0 ? String(Math.ceil(ms / 1000)) : undefined;
}

function detailOf(detail: unknown): string | undefined {
  if (detail === undefined || detail === null) return undefined;
  return typeof detail === "string" ? detail : JSON.stringify(detail);
}

function codeOf(value: unknown): string | null {
  if (typeof value === "string" && value) return value;
  if (typeof value === "number") return String(value);
  return null;
}

function stringOf(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() ? value : undefined;
}

function clip(text: string): string {
  return text.length > MAX_MESSAGE_CHARS ? `${text.slice(0, MAX_MESSAGE_CHARS)}…` : text;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
