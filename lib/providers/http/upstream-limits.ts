import { limitValue, MAX_UPSTREAM_BYTES, MAX_UPSTREAM_STREAM_BYTES, UPSTREAM_IDLE_TIMEOUT_MS } from "@/lib/core/limits/content-limits";

/**
 * Bounds on what a provider may send back, so a broken or hostile upstream can't make the
 * server buffer without end or hold a stream open forever. Each is an environment variable
 * with a default; over it the call ends with an error naming the variable.
 */
export interface UpstreamLimits {
  /** A non-streamed answer (buffered and parsed as JSON): 10 MB. */
  maxBytes: number;
  /** A streamed answer in total (relayed, but also kept for its log row): 64 MB. */
  maxStreamBytes: number;
  /** Longest silence in a stream once its headers arrived: 120 s. */
  idleMs: number;
}

/** The limits from the environment (lib/core/limits: one reader for every limit's variable). */
export function upstreamLimits(): UpstreamLimits {
  return {
    maxBytes: limitValue(MAX_UPSTREAM_BYTES),
    maxStreamBytes: limitValue(MAX_UPSTREAM_STREAM_BYTES),
    idleMs: limitValue(UPSTREAM_IDLE_TIMEOUT_MS),
  };
}

/** The error a call ends with when the provider broke a limit or redirected. */
export class UpstreamLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UpstreamLimitError";
  }
}

export const tooLarge = (max: number) =>
  new UpstreamLimitError(`the answer is larger than ${MAX_UPSTREAM_BYTES.env} (${max} bytes)`);

export const streamTooLarge = (max: number) =>
  new UpstreamLimitError(`the stream is larger than ${MAX_UPSTREAM_STREAM_BYTES.env} (${max} bytes)`);

export const idle = (ms: number) =>
  new UpstreamLimitError(`the provider sent nothing for longer than ${UPSTREAM_IDLE_TIMEOUT_MS.env} (${ms} ms)`);
