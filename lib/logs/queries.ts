import { db } from "@/lib/core/db";
import type { CompletionLog, Prisma } from "@/lib/generated/prisma/client";
import { badRequest, notFound } from "@/lib/core/http/errors";
import { feedbackForTrace } from "./feedback";
import { logCountSql, logPageSql, type Keyset, type LogFilter } from "./filter-sql";
import { parseMetadataColumn } from "./metadata";
import { listFilter, type ListLogsQuery, type LogDetail, type LogList, type LogStatus, type LogSummary } from "./schemas";

/**
 * Reading completion logs (written by writer.ts). Paging is by cursor, not offset: new rows
 * arrive at the top all the time, and an offset would repeat or skip rows between pages.
 * Order is newest first with the id as tie-breaker, as rows written in one batch can share
 * a timestamp; the cursor encodes both.
 */
export async function listLogs(query: ListLogsQuery): Promise<LogList> {
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  // One extra row tells whether another page exists without a count.
  const ids = await matchingIds(listFilter(query), after, query.limit + 1);
  const page = await rowsInOrder<SummaryRow>(ids.slice(0, query.limit), summarySelect);
  const last = page[page.length - 1];
  return { data: page.map(summary), next_cursor: ids.length > query.limit && last ? encodeCursor(last) : null };
}

/** The ids of the rows matching `filter` after `after`, newest first (filter-sql.ts). */
export async function matchingIds(filter: LogFilter, after: Keyset | null, limit: number): Promise<string[]> {
  return (await matchingKeys(filter, after, limit)).map((key) => key.id);
}

/** The keys (the cursor's parts) of the rows matching `filter` after `after`, newest first. */
export async function matchingKeys(filter: LogFilter, after: Keyset | null, limit: number): Promise<Keyset[]> {
  const { sql, params } = logPageSql(filter, after, limit);
  // SQLite answers the time as Prisma's text, PostgreSQL as a Date.
  const rows = await db.$queryRawUnsafe<{ id: string; createdAt: string | Date }[]>(sql, ...params);
  return rows.map((row) => ({ id: row.id, createdAt: new Date(row.createdAt) }));
}

/** How many rows match `filter`. */
export async function countMatching(filter: LogFilter): Promise<number> {
  const { sql, params } = logCountSql(filter);
  const [row] = await db.$queryRawUnsafe<{ count: number | bigint }[]>(sql, ...params);
  return Number(row?.count ?? 0);
}

/** The rows of `ids` in the order of `ids` (a page read by id, so every column comes typed by Prisma), T being what `select` picks. */
export async function rowsInOrder<T extends { id: string }>(ids: string[], select: Prisma.CompletionLogSelect): Promise<T[]> {
  if (ids.length === 0) return [];
  const rows = (await db.completionLog.findMany({ where: { id: { in: ids } }, select: { ...select, id: true } })) as unknown as T[];
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function getLog(id: string): Promise<LogDetail> {
  const row = await db.completionLog.findUnique({ where: { id } });
  if (!row) throw notFound(`Log '${id}' not found`);
  return {
    ...summary(row),
    prompt_version_id: row.promptVersionId,
    upstream_ms: row.upstreamMs,
    retries: row.retries,
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
  label: true,
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
    label: row.label,
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
