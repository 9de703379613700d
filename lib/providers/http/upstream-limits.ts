/**
 * Bounds on what a provider may send back, so a broken or hostile upstream can't make the
 * server buffer without end or hold a stream open forever. Each is an environment variable
 * with a default; over it the call ends with an error naming the variable.
 */
export const MAX_UPSTREAM_BYTES_ENV = "PROMPTLY_MAX_UPSTREAM_BYTES";
export const MAX_UPSTREAM_STREAM_BYTES_ENV = "PROMPTLY_MAX_UPSTREAM_STREAM_BYTES";
export const UPSTREAM_IDLE_TIMEOUT_ENV = "PROMPTLY_UPSTREAM_IDLE_TIMEOUT_MS";

export interface UpstreamLimits {
  /** A non-streamed answer (buffered and parsed as JSON): 10 MB. */
  maxBytes: number;
  /** A streamed answer in total (relayed, but also kept for its log row): 64 MB. */
  maxStreamBytes: number;
  /** Longest silence in a stream once its headers arrived: 120 s. */
  idleMs: number;
}

const DEFAULTS: UpstreamLimits = { maxBytes: 10 * 1024 * 1024, maxStreamBytes: 64 * 1024 * 1024, idleMs: 120_000 };

let readFrom = "";
let limits: UpstreamLimits = DEFAULTS;

/** The limits from the environment, read again only when a variable changed. */
export function upstreamLimits(): UpstreamLimits {
  const raw = `${process.env[MAX_UPSTREAM_BYTES_ENV]}|${process.env[MAX_UPSTREAM_STREAM_BYTES_ENV]}|${process.env[UPSTREAM_IDLE_TIMEOUT_ENV]}`;
  if (raw !== readFrom) {
    readFrom = raw;
    limits = {
      maxBytes: positive(process.env[MAX_UPSTREAM_BYTES_ENV], DEFAULTS.maxBytes),
      maxStreamBytes: positive(process.env[MAX_UPSTREAM_STREAM_BYTES_ENV], DEFAULTS.maxStreamBytes),
      idleMs: positive(process.env[UPSTREAM_IDLE_TIMEOUT_ENV], DEFAULTS.idleMs),
    };
  }
  return limits;
}

function positive(value: string | undefined, fallback: number): number {
  const number = Number(value);
  return value && Number.isFinite(number) && number > 0 ? Math.floor(number) : fallback;
}

/** The error a call ends with when the provider broke a limit or redirected. */
export class UpstreamLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UpstreamLimitError";
  }
}

export const tooLarge = (max: number) =>
  new UpstreamLimitError(`the answer is larger than ${MAX_UPSTREAM_BYTES_ENV} (${max} bytes)`);

export const streamTooLarge = (max: number) =>
  new UpstreamLimitError(`the stream is larger than ${MAX_UPSTREAM_STREAM_BYTES_ENV} (${max} bytes)`);

export const idle = (ms: number) =>
  new UpstreamLimitError(`the provider sent nothing for longer than ${UPSTREAM_IDLE_TIMEOUT_ENV} (${ms} ms)`);
