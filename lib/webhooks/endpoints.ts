import { randomUUID } from "node:crypto";
import { recordChange } from "@/lib/audit/record";
import { db } from "@/lib/core/db";
import { encryptSecret } from "@/lib/core/crypto/secret-box";
import { badRequest, notFound } from "@/lib/core/http/errors";
import { checkProviderUrl } from "@/lib/core/net/outbound";
import type { WebhookDelivery, WebhookEndpoint, WebhookEvent } from "@/lib/generated/prisma/client";
import { webhookTimings } from "./config";
import { PING_EVENT } from "./events";
import { enqueueEvent } from "./outbox";
import { secretBinding } from "./runner";
import type { CreateWebhookInput, DeliverySummary, ListDeliveriesQuery, UpdateWebhookInput, WebhookSummary } from "./schemas";
import { newWebhookSecret } from "./signing";

function summary(endpoint: WebhookEndpoint, secret?: string): WebhookSummary {
  return {
    id: endpoint.id,
    name: endpoint.name,
    url: endpoint.url,
    events: Array.isArray(endpoint.events) ? (endpoint.events as string[]) : [],
    enabled: endpoint.enabled,
    created_at: endpoint.createdAt.toISOString(),
    updated_at: endpoint.updatedAt.toISOString(),
    ...(secret ? { secret } : {}),
  };
}

/** What the audit log keeps of an endpoint: never its secret. */
const audited = (endpoint: WebhookEndpoint) => ({ name: endpoint.name, url: endpoint.url, events: endpoint.events, enabled: endpoint.enabled });

/** The outbound policy, at save: a private or metadata address only when allowlisted. */
async function assertUrlAllowed(url: string): Promise<void> {
  const refusal = await checkProviderUrl(url, "webhook URL");
  if (refusal) throw badRequest(refusal, "url");
}

async function endpointOr404(id: string): Promise<WebhookEndpoint> {
  const endpoint = await db.webhookEndpoint.findUnique({ where: { id } });
  if (!endpoint) throw notFound(`Webhook '${id}' not found`);
  return endpoint;
}

export async function listWebhooks() {
  const rows = await db.webhookEndpoint.findMany({ orderBy: { createdAt: "asc" } });
  return { object: "list", data: rows.map((row) => summary(row)), total: rows.length };
}

export async function getWebhook(id: string) {
  return summary(await endpointOr404(id));
}

/** Creates an endpoint; its secret is in this answer only. */
export async function createWebhook(input: CreateWebhookInput) {
  await assertUrlAllowed(input.url);
  const id = randomUUID();
  const secret = newWebhookSecret();
  const endpoint = await db.$transaction(async (tx) => {
    const created = await tx.webhookEndpoint.create({
      data: { id, name: input.name, url: input.url, events: input.events, enabled: input.enabled, secret: encryptSecret(secret, secretBinding(id)) },
    });
    await recordChange(tx, { action: "webhook.create", target: { type: "webhook", id, name: input.name }, after: audited(created) });
    return created;
  });
  return summary(endpoint, secret);
}

/** Changes an endpoint's name, URL, events or enabled state. */
export async function updateWebhook(id: string, input: UpdateWebhookInput) {
  const before = await endpointOr404(id);
  if (input.url !== undefined) await assertUrlAllowed(input.url);
  const endpoint = await db.$transaction(async (tx) => {
    const updated = await tx.webhookEndpoint.update({
      where: { id },
      data: {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.url !== undefined ? { url: input.url } : {}),
        ...(input.events !== undefined ? { events: input.events } : {}),
        ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
      },
    });
    await recordChange(tx, { action: "webhook.update", target: { type: "webhook", id, name: updated.name }, before: audited(before), after: audited(updated) });
    return updated;
  });
  return summary(endpoint);
}

/** A new secret, in this answer only; the old one stops signing at once. */
export async function rotateWebhookSecret(id: string) {
  const before = await endpointOr404(id);
  const secret = newWebhookSecret();
  const endpoint = await db.$transaction(async (tx) => {
    const updated = await tx.webhookEndpoint.update({ where: { id }, data: { secret: encryptSecret(secret, secretBinding(id)) } });
    await recordChange(tx, { action: "webhook.rotate_secret", target: { type: "webhook", id, name: before.name } });
    return updated;
  });
  return summary(endpoint, secret);
}

export async function deleteWebhook(id: string) {
  const before = await endpointOr404(id);
  await db.$transaction(async (tx) => {
    await tx.webhookEndpoint.delete({ where: { id } });
    await recordChange(tx, { action: "webhook.delete", target: { type: "webhook", id, name: before.name }, before: audited(before) });
  });
  return {};
}

function deliverySummary(row: WebhookDelivery & { event: Pick<WebhookEvent, "type"> }): DeliverySummary {
  return {
    id: row.id,
    event_id: row.eventId,
    event_type: row.event.type,
    status: row.status,
    attempts: row.attempts,
    response_code: row.lastStatusCode,
    error: row.lastError,
    next_attempt_at: row.status === "pending" ? row.nextAttemptAt.toISOString() : null,
    last_attempt_at: row.lastAttemptAt?.toISOString() ?? null,
    delivered_at: row.deliveredAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
  };
}

/** The delivery log, newest first. */
export async function listDeliveries(id: string, query: ListDeliveriesQuery) {
  await endpointOr404(id);
  const rows = await db.webhookDelivery.findMany({
    where: { endpointId: id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit,
    include: { event: { select: { type: true } } },
  });
  return { object: "list", data: rows.map(deliverySummary) };
}

/** Queues a delivery again now (same event id), with a fresh retry window; not while an attempt is in flight. */
export async function redeliver(id: string, deliveryId: string) {
  const delivery = await db.webhookDelivery.findFirst({ where: { id: deliveryId, endpointId: id } });
  if (!delivery) throw notFound(`Delivery '${deliveryId}' not found`);
  const now = new Date();
  const { count } = await db.webhookDelivery.updateMany({
    where: { id: deliveryId, status: { not: "delivering" } },
    data: { status: "pending", nextAttemptAt: now, giveUpAt: new Date(now.getTime() + webhookTimings().retryWindowMs), leaseUntil: null },
  });
  if (count === 0) throw badRequest("An attempt of this delivery is in flight; try again when it is done");
  const row = await db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId }, include: { event: { select: { type: true } } } });
  return deliverySummary(row);
}

/** Sends a `webhook.ping` event to this endpoint only. */
export async function pingWebhook(id: string) {
  const endpoint = await endpointOr404(id);
  const eventId = await db.$transaction((tx) => enqueueEvent(tx, PING_EVENT, { webhook: { id: endpoint.id, name: endpoint.name } }, endpoint.id));
  return { event_id: eventId };
}
