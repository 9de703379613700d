import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";

/** A tool call the mock answers with (arguments may be given as an object for convenience). */
export interface MockToolCall {
  id?: string;
  name: string;
  arguments: string | Record<string, unknown>;
}

/**
 * How the mock answers one request. Every field is optional; sources are merged
 * (model-name preset < default behaviour < queued one-shot < `x-mock-behavior` header).
 */
export interface MockBehavior {
  /** Answer with this error status (OpenAI error shape unless `errorBody` is set). */
  status?: number;
  /** `Retry-After` header sent with an error. */
  retryAfter?: string;
  /** Message inside the OpenAI error body. */
  errorMessage?: string;
  /** Raw error body (string sent as text/plain, object as JSON): for non-OpenAI error shapes. */
  errorBody?: string | Record<string, unknown>;
  /** Delay before every token (streamed) / summed before a non-stream answer. */
  tokenDelayMs?: number;
  /** Delay before the first token, overriding `tokenDelayMs` for it (time to first token). */
  firstTokenDelayMs?: number;
  /** Exact tokens, or a count of generated tokens "tok1 tok2 ...". */
  tokens?: string[] | number;
  /** The answer text, split into tokens (words with their following space). */
  content?: string;
  /** Destroy the socket after this many tokens (non-stream: without answering). */
  cutAfterTokens?: number;
  /**
   * Native routes (Anthropic, Gemini) only: after this many streamed tokens, send the
   * provider's own in-stream error event (message: `errorMessage`) and end the stream.
   */
  streamErrorAfterTokens?: number;
  /** Wait this long before answering at all (headers included). */
  stallMs?: number;
  /** Answer with tool calls (finish_reason "tool_calls") instead of text. */
  toolCalls?: MockToolCall[];
  /**
   * finish_reason of a text answer, "stop" by default (e.g. "length"). The Anthropic route also
   * takes its own "refusal", "pause_turn" and "model_context_window_exceeded"; the Gemini
   * routes send one of Gemini's own reasons as is (e.g. "MALFORMED_FUNCTION_CALL").
   */
  finishReason?: string;
  /** Gemini routes: a thought summary part (`thought: true`) sent before the answer. */
  thoughts?: string;
  /** Answer with a 302 to this URL instead (a provider trying to send the caller elsewhere). */
  redirectTo?: string;
  /** Non-stream: a 200 answer whose body is this many bytes, written as fast as it is read. */
  hugeBodyBytes?: number;
  /** Stream: after this many tokens, send nothing more but keep the connection open. */
  stallAfterTokens?: number;
  /**
   * Stream: each token's text is the time it was written (`@<epoch ms, 3 decimals> `), so a
   * client on the same machine measures the delay every hop added to every chunk.
   */
  stampTokens?: boolean;
  /**
   * Stream: after the first chunk, this many bytes of content events written as fast as the
   * reader takes them (waiting for 'drain'): how far a relay lets a slow reader hold it up.
   */
  floodBytes?: number;
}

export interface RecordedRequest {
  /** 1-based arrival order since the last reset. */
  seq: number;
  method: string;
  /** Pathname, without the query string. */
  path: string;
  /** Pathname and query string, as received. */
  url: string;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body; the raw text when it is not JSON; null when empty. */
  body: unknown;
  receivedAt: number;
  /** The merged behaviour this request was answered with. */
  behavior: MockBehavior;
  /** Status written, once headers are sent. */
  status?: number;
  /** Tokens (or tool-call deltas) written so far. */
  tokensSent: number;
  finishedAt?: number;
  /** The client disconnected before the response finished. */
  closedEarly: boolean;
  closedAt?: number;
  /** The mock itself cut the connection (`cutAfterTokens`). */
  cut: boolean;
  /** Body bytes written by `hugeBodyBytes` or `floodBytes`. */
  bytesSent?: number;
  /** `floodBytes`: true while a write waits for the reader ('drain'). */
  waitingDrain?: boolean;
}

export interface MockProvider {
  /** e.g. http://127.0.0.1:4010 */
  url: string;
  /** `${url}/v1`: the base URL an OpenAI client (or a virtual key's custom host) uses. */
  openaiBaseUrl: string;
  port: number;
  /** Every request except the `/__mock/*` control calls; the array is kept across reset(). */
  requests: RecordedRequest[];
  /** Requests whose path starts with `pathPrefix` (all when omitted). */
  count(pathPrefix?: string): number;
  /** Forgets requests, queued behaviours and the default behaviour. */
  reset(): void;
  /** The behaviour used when nothing more specific applies (null clears it). */
  setBehavior(behavior: MockBehavior | null): void;
  /** One-shot behaviours, consumed one per LLM request, in order. */
  enqueue(...behaviors: MockBehavior[]): void;
  /** Resolves with the first request (already recorded or future) matching `predicate`. */
  waitFor(predicate: (request: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  close(): Promise<void>;
}

/** The per-request handle a route handler works with. */
export interface MockExchange {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: Record<string, string>;
  body: unknown;
  record: RecordedRequest;
  behavior: MockBehavior;
  /** True once the client left, the mock cut, or the server is closing: stop writing. */
  readonly closed: boolean;
  /** Waits `ms`; resolves false (early) when the exchange closed meanwhile. */
  sleep(ms: number): Promise<boolean>;
  json(status: number, body: unknown, headers?: Record<string, string>): void;
  text(status: number, body: string, headers?: Record<string, string>): void;
  /** Sends 200 text/event-stream headers right away. */
  startStream(headers?: Record<string, string>): void;
  /** Writes one SSE event (flushed on its own); false when closed. */
  writeEvent(data: string, event?: string): boolean;
  endStream(): void;
  /** Destroys the socket mid-response, as a crashing upstream would. */
  cut(): void;
}
