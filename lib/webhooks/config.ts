/**
 * Delivery timings, from the environment (tests shorten them; nobody needs to in production):
 * PROMPTLY_WEBHOOK_RETRY_BASE_MS   first retry delay, doubled per attempt up to an hour (5 s)
 * PROMPTLY_WEBHOOK_RETRY_WINDOW_MS how long an event is retried (24 h)
 * PROMPTLY_WEBHOOK_POLL_MS         how often the runner looks for due deliveries (1 s)
 * PROMPTLY_WEBHOOK_LEASE_MS        how long a claimed attempt is held before another runner may take it (60 s)
 * PROMPTLY_WEBHOOK_TIMEOUT_MS      one attempt's time limit, connect to last byte (10 s)
 */
function env(name: string, fallback: number, min: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value >= min ? value : fallback;
}

const HOUR_MS = 3_600_000;

export const webhookTimings = () => ({
  retryBaseMs: env("PROMPTLY_WEBHOOK_RETRY_BASE_MS", 5_000, 1),
  retryWindowMs: env("PROMPTLY_WEBHOOK_RETRY_WINDOW_MS", 24 * HOUR_MS, 1),
  pollMs: env("PROMPTLY_WEBHOOK_POLL_MS", 1_000, 10),
  leaseMs: env("PROMPTLY_WEBHOOK_LEASE_MS", 60_000, 100),
  timeoutMs: env("PROMPTLY_WEBHOOK_TIMEOUT_MS", 10_000, 100),
});

/** The delay before retry number `attempt` (1 = the first retry): exponential, capped at an hour. */
export function retryDelayMs(attempt: number, baseMs = webhookTimings().retryBaseMs): number {
  return Math.min(HOUR_MS, baseMs * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
}

/** What a delivery log keeps of a receiver's answer. */
export const RESPONSE_BODY_LIMIT = 2_048;
