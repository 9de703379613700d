"use client";
import { ApiClientError } from "@/lib/api-client/fetch-json";
import { readSse } from "@/lib/core/sse/read-sse";

/** A `chat.completion.chunk` or streamed `text_completion`, as far as the playground reads it. */
export interface CompletionChunk {
  model?: string;
  choices?: {
    index?: number;
    text?: string;
    finish_reason?: string | null;
    delta?: {
      content?: string | null;
      refusal?: string | null;
      tool_calls?: { index?: number; id?: string; function?: { name?: string; arguments?: string } }[];
    };
  }[];
  usage?: { prompt_tokens?: number; completion_tokens?: number; total_tokens?: number } | null;
}

/** `id`, `id@3`, `id@staging`: `@` stays readable in the path (the API accepts it as is). */
export function completionsPath(ref: string): string {
  return `/v1/prompts/${encodeURIComponent(ref).replace(/%40/g, "@")}/completions`;
}

/**
 * POSTs to the same completions route external callers use, with `stream: true`, and hands
 * each chunk to `onChunk` as it arrives. Resolves at `[DONE]` (or the end of the stream);
 * rejects with the API's message on an error answer or an `event: error`, and with an
 * AbortError when `signal` fires (which closes the connection, so the server stops the
 * upstream call).
 */
export async function streamCompletion(
  ref: string,
  body: Record<string, unknown>,
  signal: AbortSignal,
  onChunk: (chunk: CompletionChunk) => void,
): Promise<void> {
  const response = await fetch(completionsPath(ref), {
    method: "POST",
    headers: { "content-type": "application/json", accept: "text/event-stream" },
    body: JSON.stringify({ ...body, stream: true }),
    credentials: "same-origin",
    signal,
  });
  if (!response.ok || !response.body) throw await errorFrom(response);
  for await (const event of readSse(response.body, { dispatchUnterminated: true })) {
    if (event.event === "error") throw new ApiClientError(502, messageOf(event.data) ?? "The stream failed");
    if (event.data === "[DONE]") return;
    let chunk: CompletionChunk;
    try {
      chunk = JSON.parse(event.data) as CompletionChunk;
    } catch {
      continue; // a keep-alive or a provider comment: nothing to show
    }
    onChunk(chunk);
  }
}

function messageOf(data: string): string | null {
  try {
    const parsed = JSON.parse(data) as { message?: string; error?: { message?: string } };
    return parsed.error?.message ?? parsed.message ?? null;
  } catch {
    return data || null;
  }
}

async function errorFrom(response: Response): Promise<ApiClientError> {
  const text = await response.text().catch(() => "");
  let code: string | null = null;
  let message: string | null = null;
  try {
    const envelope = JSON.parse(text) as { message?: string; error?: { message?: string; code?: string } };
    message = envelope.error?.message ?? envelope.message ?? null;
    code = envelope.error?.code ?? null;
  } catch {
    message = text || null;
  }
  return new ApiClientError(response.status, message ?? `Request failed (${response.status})`, code);
}
