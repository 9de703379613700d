import { db } from "@/lib/core/db";
import type { AuditLog, Prisma } from "@/lib/generated/prisma/client";
import type { AuditEntry, AuditQuery } from "./schemas";

function whereOf(query: Omit<AuditQuery, "limit" | "cursor">): Prisma.AuditLogWhereInput {
  return {
    ...(query.actor ? { actor: { contains: query.actor } } : {}),
    ...(query.action ? { action: query.action.endsWith(".") ? { startsWith: query.action } : query.action } : {}),
    ...(query.target_type ? { targetType: query.target_type } : {}),
    ...(query.target_id ? { targetId: query.target_id } : {}),
    ...(query.from || query.to ? { createdAt: { ...(query.from ? { gte: new Date(query.from) } : {}), ...(query.to ? { lte: new Date(query.to) } : {}) } } : {}),
  };
}

export function auditEntry(row: AuditLog): AuditEntry {
  return {
    id: row.id,
    created_at: row.createdAt.toISOString(),
    actor: row.actor,
    user_id: row.userId,
    api_key_id: row.apiKeyId,
    ip: row.ip,
    action: row.action,
    target_type: row.targetType,
    target_id: row.targetId,
    target_name: row.targetName,
    before: row.before ?? null,
    after: row.after ?? null,
  };
}

const ORDER = [{ createdAt: "desc" as const }, { id: "desc" as const }];

async function page(query: AuditQuery): Promise<AuditLog[]> {
  return db.auditLog.findMany({
    where: whereOf(query),
    orderBy: ORDER,
    take: query.limit,
    ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
  });
}

/** GET /v1/audit-logs: a page, newest first; `next_cursor` fetches the next. */
export async function listAuditLogs(query: AuditQuery) {
  const rows = await page(query);
  return { object: "list", data: rows.map(auditEntry), next_cursor: rows.length === query.limit ? rows[rows.length - 1].id : null };
}

/** GET /v1/audit-logs/export: every matching row as JSON Lines, read a page at a time. */
export function exportAuditLogs(query: AuditQuery): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: string | undefined = query.cursor;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const rows = await page({ ...query, limit: 500, cursor });
      if (rows.length > 0) controller.enqueue(encoder.encode(rows.map((row) => JSON.stringify(auditEntry(row))).join("\n") + "\n"));
      if (rows.length < 500) controller.close();
      else cursor = rows[rows.length - 1].id;
    },
  });
}
