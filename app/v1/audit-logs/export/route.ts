import { exportAuditLogs } from "@/lib/audit/query";
import { auditQuerySchema } from "@/lib/audit/schemas";
import { apiRoute, readQuery } from "@/lib/routes/handler";

/** Every matching row as JSON Lines (the list's filters; `limit` is ignored). */
export const GET = apiRoute("settings", async (request) =>
  new Response(exportAuditLogs(readQuery(request, auditQuerySchema)), {
    headers: { "content-type": "application/x-ndjson; charset=utf-8", "content-disposition": 'attachment; filename="audit-log.jsonl"' },
  }),
);
