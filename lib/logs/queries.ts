import { db } from "@/lib/core/db";
import { databaseDialect } from "@/lib/core/db/dialect";
import type { CompletionLog, Prisma } from "@/lib/generated/prisma/client";
import { badRequest, notFound } from "@/lib/core/http/errors";
import { feedbackForTrace } from "./feedback";
import { metadataPairNeedle, parseMetadataColumn } from "./metadata";
import type { ListLogsQuery, LogDetail, LogList, LogStatus, LogSummary } from "./schemas";

/**
 * Reading completion logs (written by writer.ts). Paging is by cursor, not offset: new rows
 * arrive at the top all the time, and an offset would repeat or skip rows between pages.
 * Order is newest first with the id as tie-breaker, as rows written in one batch can share
 * a timestamp; the cursor encodes both.
 */
export async function listLogs(query: ListLogsQuery): Promise<LogList> {
  const where: Prisma.CompletionLogWhereInput[] = [];
  if (query.prompt) where.push({ OR: [{ promptId: query.prompt }, { promptSlug: query.prompt }] });
  if (query.status) where.push({ status: query.status });
  if (query.from) where.push({ createdAt: { gte: query.from } });
  if (query.to) where.push({ createdAt: { lte: query.to } });
  // Case-insensitive like every text match here (lib/core/db/pg-compat.ts on PostgreSQL).
  for (const [key, value] of Object.entries(query.metadata ?? {})) {
    where.push({ metadata: { contains: metadataPairNeedle(key, value, databaseDialect(process.env.DATABASE_URL)) } });
  }
  if (query.cursor) {
    const after = decodeCursor(query.cursor);
    where.push({ OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] });
  }
  // One extra row tells whether another page exists without a count.
  const rows = await db.completionLog.findMany({
    where: { AND: where },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: summarySelect,
  });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return { data: page.map(summary), next_cursor: rows.length > query.limit && last ? encodeCursor(last) : null };
}

export async function getLog(id: string): Promise<LogDetail> {
  const row = await db.completionLog.findUnique({ where: { id } });
  if (!row) throw notFound(`Log '${id}' not found`);
  return {
    ...summary(row),
    prompt_version_id: row.promptVersionId,
    virtual_key_id: row.virtualKeyId,
    error: row.error,
    finish_reason: row.finishReason,
    usage: { prompt_tokens: row.promptTokens, completion_tokens: row.completionTokens, total_tokens: row.totalTokens, cached_tokens: row.cachedTokens },
    variables: row.variables,
    request: row.request,
    response: row.response,
    api_key_id: row.apiKeyId,
    user_id: row.userId,
    experiment_id: row.experimentId,
    metadata: parseMetadataColumn(row.metadata),
    feedback: await feedbackForTrace(row.traceId),
  };
}

const summarySelect = {
  id: true,
  traceId: true,
  createdAt: true,
  promptId: true,
  promptSlug: true,
  promptVersion: true,
  isDraft: true,
  provider: true,
  model: true,
  status: true,
  httpStatus: true,
  latencyMs: true,
  ttftMs: true,
  totalTokens: true,
  costUsd: true,
  stream: true,
} as const satisfies Prisma.CompletionLogSelect;

type SummaryRow = Pick<CompletionLog, keyof typeof summarySelect>;

function summary(row: SummaryRow): LogSummary {
  return {
    id: row.id,
    trace_id: row.traceId,
    created_at: row.createdAt.toISOString(),
    prompt_id: row.promptId,
    prompt_slug: row.promptSlug,
    prompt_version: row.promptVersion,
    is_draft: row.isDraft,
    provider: row.provider,
    model: row.model,
    status: row.status as LogStatus,
    http_status: row.httpStatus,
    latency_ms: row.latencyMs,
    ttft_ms: row.ttftMs,
    total_tokens: row.totalTokens,
    cost_usd: row.costUsd,
    stream: row.stream,
  };
}

// Opaque to callers: base64url of "<epoch ms>.<id>".
function encodeCursor(row: Pick<CompletionLog, "createdAt" | "id">): string {
  return Buffer.from(`${row.createdAt.getTime()}.${row.id}`, "utf8").toString("base64url");
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const match = Buffer.from(cursor, "base64url").toString("utf8").match(/^(\d{1,15})\.(.{1,100})$/);
  if (!match) throw badRequest("Invalid cursor: pass back the next_cursor of a previous page", "cursor");
  return { createdAt: new Date(Number(match[1])), id: match[2] };
}
