import { z } from "zod";

/** GET /v1/audit-logs (and its JSONL export): filters, newest first. */
export const auditQuerySchema = z.object({
  actor: z.string().max(200).optional(),
  action: z.string().max(100).optional(),
  target_type: z.string().max(100).optional(),
  target_id: z.string().max(200).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** The id of the last row of the previous page. */
  cursor: z.string().max(100).optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export interface AuditEntry {
  id: string;
  created_at: string;
  actor: string;
  user_id: string | null;
  api_key_id: string | null;
  ip: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  target_name: string | null;
  before: unknown;
  after: unknown;
}
