import { db } from "@/lib/core/db";
import { decryptSecret } from "@/lib/core/crypto/secret-box";
import { runtimeSlot } from "@/lib/core/runtime";
import { retryDelayMs, webhookTimings } from "./config";
import { PING_EVENT } from "./events";
import { sendWebhook } from "./send";
import { signedHeaders } from "./signing";
import { WEBHOOK_RUNNER_SLOT, type WebhookRunnerHandle } from "./runner-slot";

/**
 * Sends due deliveries from the outbox (outbox.ts). State is in the database, so a restart or
 * another instance carries on:
 * - an attempt is CLAIMED by a conditional update (on status and attempt count), so two
 *   runners never make the same attempt; the claim holds a lease;
 * - an attempt whose lease ran out (its process died mid-send) is claimed again, as the next
 *   attempt: delivery is at least once, and receivers dedupe on webhook-id (the event id);
 * - a failed attempt is retried with exponential backoff until the delivery's giveUpAt.
 */
const BATCH = 20;

export const secretBinding = (endpointId: string) => `webhook:${endpointId}`;

interface RunnerState extends WebhookRunnerHandle {
  started: boolean;
  stopping: boolean;
  timer: NodeJS.Timeout | null;
  tick: Promise<void> | null;
}

const state = runtimeSlot<RunnerState>(WEBHOOK_RUNNER_SLOT, () => {
  const self: RunnerState = {
    started: false,
    stopping: false,
    timer: null,
    tick: null,
    async stop() {
      self.stopping = true;
      if (self.timer) clearTimeout(self.timer);
      self.timer = null;
      await self.tick;
    },
  };
  return self;
});

/** Starts polling the outbox once per process (lib/lifecycle/startup.ts); stopped at shutdown. */
export function startWebhookDelivery(): void {
  if (state.started) return;
  state.started = true;
  state.stopping = false;
  const schedule = () => {
    if (state.stopping) return;
    state.timer = setTimeout(() => {
      state.tick = deliverDue()
        .then(() => undefined)
        .catch((error: Error) => console.error("[promptly] webhook delivery failed:", error.message))
        .finally(() => {
          state.tick = null;
          schedule();
        });
    }, webhookTimings().pollMs);
    state.timer.unref?.();
  };
  schedule();
}

export function stopWebhookDelivery(): Promise<void> {
  return state.stop();
}

/** One pass: claims up to a batch of due attempts and makes them. Answers how many were made. */
export async function deliverDue(now = new Date()): Promise<number> {
  const due = await db.webhookDelivery.findMany({
    where: { OR: [{ status: "pending", nextAttemptAt: { lte: now } }, { status: "delivering", leaseUntil: { lt: now } }] },
    orderBy: { nextAttemptAt: "asc" },
    take: BATCH,
    select: { id: true, status: true, attempts: true },
  });
  const { leaseMs } = webhookTimings();
  const claimed: { id: string; attempt: number }[] = [];
  for (const row of due) {
    if (state.stopping && state.started) break;
    const attempt = row.attempts + 1;
    const { count } = await db.webhookDelivery.updateMany({
      where: { id: row.id, status: row.status, attempts: row.attempts },
      data: { status: "delivering", attempts: attempt, leaseUntil: new Date(Date.now() + leaseMs), lastAttemptAt: new Date() },
    });
    if (count === 1) claimed.push({ id: row.id, attempt });
  }
  await Promise.all(claimed.map((claim) => attemptDelivery(claim.id, claim.attempt)));
  return claimed.length;
}

async function attemptDelivery(id: string, attempt: number): Promise<void> {
  const delivery = await db.webhookDelivery.findUnique({ where: { id }, include: { endpoint: true, event: true } });
  if (!delivery) return; // its endpoint was deleted meanwhile
  const { endpoint, event } = delivery;
  const { timeoutMs, retryBaseMs } = webhookTimings();
  const body = JSON.stringify(event.payload);
  let outcome: { statusCode: number | null; error: string | null };
  if (!endpoint.enabled && event.type !== PING_EVENT) {
    outcome = { statusCode: null, error: "endpoint disabled" };
  } else {
    let secret: string;
    try {
      secret = decryptSecret(endpoint.secret, secretBinding(endpoint.id));
    } catch {
      outcome = { statusCode: null, error: "endpoint secret unreadable (master key changed?)" };
      return record(id, attempt, outcome, delivery.giveUpAt, retryBaseMs);
    }
    const result = await sendWebhook(endpoint.url, signedHeaders(secret, event.id, body), body, timeoutMs);
    outcome = { statusCode: result.statusCode, error: result.error && (result.body ? `${result.error}: ${result.body.slice(0, 200)}` : result.error) };
  }
  await record(id, attempt, outcome, delivery.giveUpAt, retryBaseMs);
}

/** Records an attempt's outcome, only if it is still this runner's attempt. */
async function record(id: string, attempt: number, outcome: { statusCode: number | null; error: string | null }, giveUpAt: Date, retryBaseMs: number): Promise<void> {
  const where = { id, status: "delivering", attempts: attempt };
  const common = { lastStatusCode: outcome.statusCode, lastError: outcome.error, leaseUntil: null };
  if (!outcome.error) {
    await db.webhookDelivery.updateMany({ where, data: { ...common, status: "succeeded", deliveredAt: new Date() } });
    return;
  }
  const next = new Date(Date.now() + retryDelayMs(attempt, retryBaseMs));
  const gaveUp = next.getTime() > giveUpAt.getTime();
  await db.webhookDelivery.updateMany({ where, data: { ...common, status: gaveUp ? "failed" : "pending", nextAttemptAt: next } });
}
