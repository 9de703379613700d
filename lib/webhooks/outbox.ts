import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { webhookTimings } from "./config";
import { PING_EVENT, type WebhookEventType } from "./events";

/** A transaction's client, or the client itself. */
export type Tx = Prisma.TransactionClient;

/**
 * Writes an event and one pending delivery per enabled endpoint that wants it, in the
 * caller's transaction: the event exists exactly when the change it reports was committed
 * (the durable outbox), and the runner (runner.ts) sends it from there.
 * `onlyEndpointId`: the test ping, to that one endpoint whatever its filters.
 */
export async function enqueueEvent(
  tx: Tx,
  type: WebhookEventType | typeof PING_EVENT,
  data: Record<string, unknown>,
  onlyEndpointId?: string,
): Promise<string | null> {
  // The ping's endpoint was found by its caller: nothing is read before the writes, so its
  // transaction never has to turn a read into a write, which on SQLite fails outright
  // (SQLITE_BUSY_SNAPSHOT) when another process sharing the file committed in between.
  const targets = onlyEndpointId ? [{ id: onlyEndpointId }] : await subscribers(tx, type);
  if (targets.length === 0) return null;
  const now = new Date();
  const id = `evt_${randomUUID().replaceAll("-", "")}`;
  const payload = { id, type, created_at: now.toISOString(), data } as Prisma.InputJsonValue;
  await tx.webhookEvent.create({ data: { id, type, payload, createdAt: now } });
  const giveUpAt = new Date(now.getTime() + webhookTimings().retryWindowMs);
  await tx.webhookDelivery.createMany({
    data: targets.map((endpoint) => ({ eventId: id, endpointId: endpoint.id, nextAttemptAt: now, giveUpAt })),
  });
  return id;
}

/** The enabled endpoints that want events of this type. */
async function subscribers(tx: Tx, type: string): Promise<{ id: string }[]> {
  const endpoints = await tx.webhookEndpoint.findMany({ where: { enabled: true }, select: { id: true, events: true } });
  return endpoints.filter((endpoint) => Array.isArray(endpoint.events) && endpoint.events.includes(type));
}
