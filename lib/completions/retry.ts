import type { Provider, ProviderRequest, ProviderResponse } from "@/lib/providers/types";
import type { RetryPolicy } from "./gateway-config";

/** 529 is Anthropic's "overloaded": transient like a 503, and retried by its own SDKs. */
export const DEFAULT_RETRY_STATUSES = [429, 500, 502, 503, 504, 529];
const BASE_DELAY_MS = 100;
const MAX_DELAY_MS = 10_000;
/** A provider asking us to wait longer than this gets its error passed on instead. */
const MAX_RETRY_AFTER_MS = 60_000;

export type AttemptOutcome =
  | { kind: "response"; response: ProviderResponse; retries: number }
  | { kind: "timeout"; retries: number }
  | { kind: "cancelled"; retries: number };

export interface AttemptOptions {
  retry: RetryPolicy | undefined;
  timeoutMs: number;
  /** Aborted when the client goes away. */
  clientSignal: AbortSignal;
  /** Lets the caller abort the upstream call later (a streaming answer's cancel). */
  onUpstreamController?: (controller: AbortController) => void;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/**
 * Calls the provider, retrying on the policy's statuses (and on timeouts when 504 is among
 * them) with exponential backoff and full jitter, honouring retry-after. Retries can only
 * happen before an answer exists: a stream that has started is never retried.
 */
export async function sendWithRetry(provider: Provider, request: Omit<ProviderRequest, "signal">, options: AttemptOptions): Promise<AttemptOutcome> {
  const maxRetries = options.retry?.attempts ?? 0;
  const retryOn = new Set(options.retry?.on_status_codes ?? DEFAULT_RETRY_STATUSES);
  const sleep = options.sleep ?? abortableSleep;
  for (let retries = 0; ; retries++) {
    const outcome = await attemptOnce(provider, request, options);
    if (outcome.kind === "cancelled" || options.clientSignal.aborted) return { kind: "cancelled", retries };
    const status = outcome.kind === "timeout" ? 504 : outcome.response.ok ? 200 : outcome.response.status;
    if (status < 400 || retries >= maxRetries || !retryOn.has(status)) return { ...outcome, retries };
    const wait = delayBefore(retries + 1, outcome.kind === "response" && !outcome.response.ok ? outcome.response.retryAfter : undefined);
    if (wait === null) return { ...outcome, retries };
    try {
      await sleep(wait, options.clientSignal);
    } catch {
      return { kind: "cancelled", retries };
    }
  }
}

type SingleOutcome = { kind: "response"; response: ProviderResponse } | { kind: "timeout" } | { kind: "cancelled" };

async function attemptOnce(provider: Provider, request: Omit<ProviderRequest, "signal">, options: AttemptOptions): Promise<SingleOutcome> {
  // One controller per attempt: the timeout covers the wait for an answer (for a stream,
  // its headers) and is cleared once it arrives, so it never cuts a stream that started.
  const controller = new AbortController();
  let timedOut = false;
  const onClientGone = () => controller.abort();
  options.clientSignal.addEventListener("abort", onClientGone, { once: true });
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  try {
    const response = await provider.send({ ...request, signal: controller.signal });
    options.onUpstreamController?.(controller);
    return { kind: "response", response };
  } catch (error) {
    if (timedOut) return { kind: "timeout" };
    if (controller.signal.aborted) return { kind: "cancelled" };
    throw error;
  } finally {
    clearTimeout(timer);
    // From here a started stream is the engine's: its cancel aborts the controller.
    options.clientSignal.removeEventListener("abort", onClientGone);
  }
}

/** Milliseconds to wait before retry number `retry` (1-based); null when retry-after is too long. */
export function delayBefore(retry: number, retryAfter: string | undefined, random: () => number = Math.random): number | null {
  const asked = parseRetryAfter(retryAfter);
  if (asked !== null) return asked > MAX_RETRY_AFTER_MS ? null : asked;
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (retry - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** `retry-after` as seconds or an HTTP date, in milliseconds; null when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
