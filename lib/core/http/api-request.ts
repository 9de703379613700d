/**
 * What the /v1 route handlers read of a request, and all they may read: method, url, headers,
 * signal, the body as text. Next's Request satisfies it as is; so does the custom server's
 * light request (server/fast-routes.ts), which skips building an undici Request per call.
 * A handler needing more of a Request would fail there, so the type says it first.
 */
export interface RequestHeaders {
  get(name: string): string | null;
  has(name: string): boolean;
  forEach(callback: (value: string, name: string) => void): void;
  [Symbol.iterator](): Iterator<[string, string]>;
}

export interface ApiRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: RequestHeaders;
  readonly signal: AbortSignal;
  /**
   * Next's Request has one (read within the limit as it streams, lib/core/http/body-limit.ts);
   * the light request has none and caps its own text().
   */
  readonly body?: ReadableStream<Uint8Array> | null;
  text(): Promise<string>;
}

/** The headers as a real Headers, for a library that wants one (better-auth's session lookup). */
export function toHeaders(headers: RequestHeaders): Headers {
  return headers instanceof Headers ? headers : new Headers([...headers]);
}
