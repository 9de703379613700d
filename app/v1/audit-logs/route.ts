import { listAuditLogs } from "@/lib/audit/query";
import { auditQuerySchema } from "@/lib/audit/schemas";
import { apiRoute, readQuery } from "@/lib/routes/handler";

export const GET = apiRoute("settings", async (request) => listAuditLogs(readQuery(request, auditQuerySchema)));
