"use client";

/** An error answered by the API, carrying the envelope's message (shown to the user as is). */
export class ApiClientError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string | null = null,
  ) {
    super(message);
    this.name = "ApiClientError";
  }
}

/**
 * The UI's one way to call /v1: same origin, session cookie, JSON in and out; a non-2xx
 * answer throws ApiClientError with the error envelope's message.
 */
export async function apiFetch<T>(
  path: string,
  // `raw`: a body sent as is with its own content type (a CSV or JSON Lines import).
  init: { method?: string; body?: unknown; raw?: { text: string; contentType: string }; signal?: AbortSignal } = {},
): Promise<T> {
  const hasBody = init.body !== undefined || init.raw !== undefined;
  const response = await fetch(path.startsWith("/v1") ? path : `/v1${path}`, {
    method: init.method ?? (hasBody ? "POST" : "GET"),
    headers: init.raw ? { "content-type": init.raw.contentType } : init.body === undefined ? undefined : { "content-type": "application/json" },
    body: init.raw ? init.raw.text : init.body === undefined ? undefined : JSON.stringify(init.body),
    credentials: "same-origin",
    signal: init.signal,
  });
  const text = await response.text();
  const data = text ? safeJson(text) : null;
  if (!response.ok) {
    const envelope = data as { message?: string; error?: { message?: string; code?: string } } | null;
    const message = envelope?.error?.message ?? envelope?.message ?? `Request failed (${response.status})`;
    throw new ApiClientError(response.status, message, envelope?.error?.code ?? null);
  }
  return data as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { message: text };
  }
}
