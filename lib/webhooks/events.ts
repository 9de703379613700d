/**
 * The webhook event types, once: the endpoint form's checkboxes, the API's validation and the
 * outbox all read this list. Browser-safe (no imports).
 */
export const WEBHOOK_EVENTS = {
  "version.created": "Version created",
  "version.published": "Version published",
  "label.moved": "Label moved (incl. split changes)",
  "partial.changed": "Partial changed",
  "release.requested": "Release requested",
  "release.approved": "Release approved",
  "release.merged": "Release merged",
  "experiment.finished": "Experiment finished",
} as const;

export type WebhookEventType = keyof typeof WEBHOOK_EVENTS;

export const WEBHOOK_EVENT_TYPES = Object.keys(WEBHOOK_EVENTS) as WebhookEventType[];

/** Sent only by the test ping, to the one endpoint pinged, whatever its filters. */
export const PING_EVENT = "webhook.ping";
