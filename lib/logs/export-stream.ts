import type { CompletionLog } from "@/lib/generated/prisma/client";
import type { ExportField, ExportFormat } from "./export-schemas";
import type { Keyset, LogFilter } from "./filter-sql";
import { parseMetadataColumn } from "./metadata";
import { matchingKeys, rowsInOrder } from "./queries";

/**
 * An export's file, streamed: rows are read a keyset page at a time (EXPORT_PAGE rows by id,
 * newest first) only when the client is ready for more, so a million rows cost one page of
 * memory, and a client that stops reading stops the reads.
 */
export const EXPORT_PAGE = 1000;

type Row = CompletionLog;
const FIELDS: Record<ExportField, (row: Row) => unknown> = {
  id: (row) => row.id,
  trace_id: (row) => row.traceId,
  created_at: (row) => row.createdAt.toISOString(),
  request: (row) => row.request,
  response: (row) => row.response,
  is_success: (row) => row.status === "success",
  ai_org: (row) => row.provider,
  ai_model: (row) => row.model,
  req_units: (row) => row.promptTokens,
  res_units: (row) => row.completionTokens,
  total_units: (row) => row.totalTokens,
  // Promptly keeps no request URL or gateway config per row.
  request_url: () => null,
  cost: (row) => row.costUsd,
  cost_currency: () => "USD",
  response_time: (row) => row.latencyMs,
  response_status_code: (row) => row.httpStatus,
  mode: (row) => (row.stream ? "stream" : "sync"),
  config: () => null,
  prompt_slug: (row) => row.promptSlug,
  metadata: (row) => parseMetadataColumn(row.metadata),
  prompt_id: (row) => row.promptId,
  prompt_version: (row) => row.promptVersion,
  label: (row) => row.label,
  status: (row) => row.status,
  error: (row) => row.error,
  ttft_ms: (row) => row.ttftMs,
  variables: (row) => row.variables,
  finish_reason: (row) => row.finishReason,
  api_key_id: (row) => row.apiKeyId,
  virtual_key_id: (row) => row.virtualKeyId,
  cached_units: (row) => row.cachedTokens,
};

// Only the columns the requested fields read are fetched (request and response are the heavy ones).
const COLUMNS: Record<ExportField, (keyof Row)[]> = {
  id: ["id"],
  trace_id: ["traceId"],
  created_at: ["createdAt"],
  request: ["request"],
  response: ["response"],
  is_success: ["status"],
  ai_org: ["provider"],
  ai_model: ["model"],
  req_units: ["promptTokens"],
  res_units: ["completionTokens"],
  total_units: ["totalTokens"],
  request_url: [],
  cost: ["costUsd"],
  cost_currency: [],
  response_time: ["latencyMs"],
  response_status_code: ["httpStatus"],
  mode: ["stream"],
  config: [],
  prompt_slug: ["promptSlug"],
  metadata: ["metadata"],
  prompt_id: ["promptId"],
  prompt_version: ["promptVersion"],
  label: ["label"],
  status: ["status"],
  error: ["error"],
  ttft_ms: ["ttftMs"],
  variables: ["variables"],
  finish_reason: ["finishReason"],
  api_key_id: ["apiKeyId"],
  virtual_key_id: ["virtualKeyId"],
  cached_units: ["cachedTokens"],
};

/** The record of one row: the requested fields, in the requested order. */
export function exportRecord(row: Row, fields: readonly ExportField[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((field) => [field, FIELDS[field](row) ?? null]));
}

/** RFC 4180 quoting; objects as JSON; a text cell a spreadsheet would run as a formula is defused with a leading '. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = typeof value === "object" ? JSON.stringify(value) : String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

export interface ExportPlan {
  filter: LogFilter;
  fields: readonly ExportField[];
  format: ExportFormat;
  pageSize?: number;
}

/** The export as a byte stream, read a page at a time as the client pulls. */
export function exportStream(plan: ExportPlan): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const filter = plan.filter;
  const select = Object.fromEntries([...new Set(["id", "createdAt", ...plan.fields.flatMap((field) => COLUMNS[field])])].map((column) => [column, true]));
  const pageSize = plan.pageSize ?? EXPORT_PAGE;
  let after: Keyset | null = null;
  let headerSent = plan.format !== "csv";
  let done = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!headerSent) {
          headerSent = true;
          controller.enqueue(encoder.encode(csvLine(plan.fields)));
          return;
        }
        if (done) return;
        const keys = await matchingKeys(filter, after, pageSize);
        // A row pruned between the two reads is skipped; the cursor moves on regardless.
        const rows = await rowsInOrder<Row>(
          keys.map((key) => key.id),
          select,
        );
        after = keys[keys.length - 1] ?? after;
        if (keys.length < pageSize) done = true;
        let chunk = "";
        for (const row of rows) {
          const record = exportRecord(row, plan.fields);
          chunk += plan.format === "csv" ? csvLine(plan.fields.map((field) => record[field])) : `${JSON.stringify(record)}\n`;
        }
        if (chunk) controller.enqueue(encoder.encode(chunk));
        if (done) controller.close();
      },
    },
    // One page ahead at most.
    { highWaterMark: 1 },
  );
}
