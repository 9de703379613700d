import { z } from "zod";
import { WEBHOOK_EVENT_TYPES } from "./events";

const eventList = z.array(z.enum(WEBHOOK_EVENT_TYPES as [string, ...string[]])).max(WEBHOOK_EVENT_TYPES.length);
const webhookUrl = z
  .string()
  .trim()
  .max(2_000)
  .url()
  .refine((value) => /^https?:\/\//i.test(value), "must be an http(s) URL");

export const createWebhookSchema = z.object({
  name: z.string().trim().min(1).max(100),
  url: webhookUrl,
  events: eventList.min(1, "pick at least one event"),
  enabled: z.boolean().default(true),
});
export type CreateWebhookInput = z.infer<typeof createWebhookSchema>;

export const updateWebhookSchema = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  url: webhookUrl.optional(),
  events: eventList.min(1, "pick at least one event").optional(),
  enabled: z.boolean().optional(),
});
export type UpdateWebhookInput = z.infer<typeof updateWebhookSchema>;

export const listDeliveriesSchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListDeliveriesQuery = z.infer<typeof listDeliveriesSchema>;

export interface WebhookSummary {
  id: string;
  name: string;
  url: string;
  events: string[];
  enabled: boolean;
  created_at: string;
  updated_at: string;
  /** Only in the answer that made it (create, rotate). */
  secret?: string;
}

export interface DeliverySummary {
  id: string;
  event_id: string;
  event_type: string;
  status: string;
  attempts: number;
  response_code: number | null;
  error: string | null;
  next_attempt_at: string | null;
  last_attempt_at: string | null;
  delivered_at: string | null;
  created_at: string;
}
