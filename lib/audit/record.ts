import { requestActor, type RequestActor } from "@/lib/core/request-actor";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueEvent, type Tx } from "@/lib/webhooks/outbox";
import type { WebhookEventType } from "@/lib/webhooks/events";
import { redactSecrets } from "./redact";

/** Who made a change: a member or an API key (the request's, by default), or null for the system. */
export type AuditActor = RequestActor | null;

export interface Change {
  /** Defaults to the current request's caller (lib/core/request-actor.ts); a route's Caller fits as is. */
  actor?: AuditActor;
  /** "<target type>.<verb>": prompt.create, version.publish, label.move, api_key.revoke... */
  action: string;
  target: { type: string; id?: string | null; name?: string | null };
  /** The record before and after (secrets are redacted here, whatever the caller passes). */
  before?: unknown;
  after?: unknown;
  /** The client address; defaults to the one the caller was seen from. */
  ip?: string | null;
  /** Extra fields for the webhook event this change emits (e.g. the prompts a partial reaches). */
  details?: Record<string, unknown>;
}

/** The audit actions that are also webhook events: the one mapping between the two. */
export const EVENT_OF_ACTION: Readonly<Record<string, WebhookEventType>> = {
  "version.create": "version.created",
  "version.publish": "version.published",
  "label.move": "label.moved",
  "label.split": "label.moved",
  "partial.create": "partial.changed",
  "partial.update": "partial.changed",
  "partial.publish": "partial.changed",
  "partial.label": "partial.changed",
  "partial.delete": "partial.changed",
  "release.request": "release.requested",
  "release.approve": "release.approved",
  "release.merge": "release.merged",
};

export function actorName(actor: AuditActor): string {
  if (!actor) return "system";
  return actor.kind === "session" ? actor.email : `API key ${actor.apiKeyId.slice(0, 8)}`;
}

const json = (value: unknown) => (value === undefined ? undefined : (redactSecrets(value) as Prisma.InputJsonValue));

/**
 * Records a change: one append-only audit row and, when the action is a webhook event
 * (EVENT_OF_ACTION), the event and its deliveries, all in the caller's transaction `tx` so
 * that they exist exactly when the change does. Every write path calls this once.
 */
export async function recordChange(tx: Tx, change: Change): Promise<void> {
  const actor = change.actor === undefined ? requestActor() : change.actor;
  const userId = actor?.userId ?? null;
  const apiKeyId = actor?.kind === "api_key" ? actor.apiKeyId : null;
  const before = json(change.before);
  const after = json(change.after);
  await tx.auditLog.create({
    data: {
      userId,
      apiKeyId,
      actor: actorName(actor),
      // A caller passed explicitly (lib/auth's Caller) carries no address: the request's is the one.
      ip: change.ip ?? actor?.ip ?? requestActor()?.ip ?? null,
      action: change.action,
      targetType: change.target.type,
      targetId: change.target.id ?? null,
      targetName: change.target.name ?? null,
      ...(before === undefined || before === null ? {} : { before }),
      ...(after === undefined || after === null ? {} : { after }),
    },
  });
  const event = EVENT_OF_ACTION[change.action];
  if (!event) return;
  await enqueueEvent(tx, event, {
    action: change.action,
    actor: actorName(actor),
    target: { type: change.target.type, id: change.target.id ?? null, name: change.target.name ?? null },
    ...(before === undefined ? {} : { before }),
    ...(after === undefined ? {} : { after }),
    ...(redactSecrets(change.details ?? {}) as Record<string, unknown>),
  });
}
