import { z } from "zod";
import { badRequest } from "@/lib/core/http/errors";
import type { LogFilter } from "./filter-sql";
import { LOG_STATUSES } from "./schemas";

/**
 * Portkey's logs exports (the SDK's logs.exports: create, list, retrieve, update, start,
 * cancel, download), their bodies and answers. Filters take Portkey's names
 * (GenerationsFilterSchema) and the log list's own (GET /v1/logs), so the Logs page exports
 * exactly what it shows.
 */
export const EXPORT_STATUSES = ["draft", "in_progress", "success", "failed", "stopped"] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];
export const EXPORT_FORMATS = ["jsonl", "csv"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Portkey's requested_data fields (LogExportsRequestedData), in its order. */
export const PORTKEY_EXPORT_FIELDS = [
  "id",
  "trace_id",
  "created_at",
  "request",
  "response",
  "is_success",
  "ai_org",
  "ai_model",
  "req_units",
  "res_units",
  "total_units",
  "request_url",
  "cost",
  "cost_currency",
  "response_time",
  "response_status_code",
  "mode",
  "config",
  "prompt_slug",
  "metadata",
] as const;
/** Promptly's own columns, exportable too. */
export const PROMPTLY_EXPORT_FIELDS = ["prompt_id", "prompt_version", "label", "status", "error", "ttft_ms", "variables", "finish_reason", "api_key_id", "virtual_key_id", "cached_units"] as const;
export const EXPORT_FIELDS = [...PORTKEY_EXPORT_FIELDS, ...PROMPTLY_EXPORT_FIELDS] as const;
export type ExportField = (typeof EXPORT_FIELDS)[number];

const isoTime = z
  .string()
  .trim()
  .refine((value) => !Number.isNaN(Date.parse(value)), "must be an ISO 8601 time, e.g. 2025-01-31T12:00:00Z");
const text = (max: number) => z.string().trim().min(1).max(max);
const count = z.number().int().min(0);
const money = z.number().min(0);
// A comma-separated list, as Portkey sends status codes and virtual keys.
const list = (max: number) => z.union([z.string().max(4000), z.array(z.union([z.string(), z.number()])).max(max)]);

const filtersSchema = z
  .strictObject({
    // Portkey's names.
    time_of_generation_min: isoTime.optional(),
    time_of_generation_max: isoTime.optional(),
    ai_model: text(200).optional(),
    status_code: list(50).optional(),
    metadata: z.record(z.string().min(1).max(128), z.union([z.string().max(1024), z.number(), z.boolean()])).optional(),
    trace_id: text(200).optional(),
    prompt_slug: text(200).optional(),
    virtual_keys: list(50).optional(),
    total_units_min: count.optional(),
    total_units_max: count.optional(),
    cost_min: money.optional(),
    cost_max: money.optional(),
    // Paging of Portkey's own export files: an export here is one streamed file, so ignored.
    page_size: z.number().optional(),
    current_page: z.number().optional(),
    // The log list's names (GET /v1/logs).
    prompt: text(200).optional(),
    version: z.number().int().min(1).optional(),
    label: text(200).optional(),
    model: text(200).optional(),
    provider: text(100).optional(),
    api_key_id: text(100).optional(),
    status: z.enum(LOG_STATUSES).optional(),
    from: isoTime.optional(),
    to: isoTime.optional(),
    q: z.string().max(500).optional(),
  }, { error: (issue) => (issue.code === "unrecognized_keys" ? `has filters this server doesn't support: ${issue.keys.join(", ")}` : undefined) })
  .default({});
export type ExportFilters = z.infer<typeof filtersSchema>;

const requestedDataSchema = z
  .array(z.enum(EXPORT_FIELDS, { error: () => `must list fields among: ${EXPORT_FIELDS.join(", ")}` }))
  .min(1)
  .max(EXPORT_FIELDS.length)
  .transform((fields) => [...new Set(fields)]);

export const createExportSchema = z.object({
  filters: filtersSchema,
  // Portkey requires it; absent here means every Portkey field.
  requested_data: requestedDataSchema.optional(),
  description: z.string().max(1000).optional(),
  workspace_id: z.string().max(200).optional(),
  /** Promptly's addition: the file's format (Portkey's exports are JSONL). */
  format: z.enum(EXPORT_FORMATS).default("jsonl"),
});
export type CreateExportInput = z.infer<typeof createExportSchema>;

export const updateExportSchema = z.object({
  filters: filtersSchema.optional(),
  requested_data: requestedDataSchema.optional(),
  description: z.string().max(1000).optional(),
  format: z.enum(EXPORT_FORMATS).optional(),
});
export type UpdateExportInput = z.infer<typeof updateExportSchema>;

export const listExportsQuerySchema = z.object({ workspace_id: z.string().optional() });

/** The filters of an export as a log filter; stored filters are re-read with this too. */
export function exportFilter(filters: ExportFilters): LogFilter {
  const from = [filters.time_of_generation_min, filters.from].filter(Boolean).map((t) => new Date(t as string));
  const to = [filters.time_of_generation_max, filters.to].filter(Boolean).map((t) => new Date(t as string));
  return {
    prompt: filters.prompt ?? filters.prompt_slug,
    version: filters.version,
    label: filters.label?.replace(/^@/, ""),
    model: filters.model ?? filters.ai_model,
    provider: filters.provider,
    apiKeyId: filters.api_key_id,
    virtualKeyIds: listOf(filters.virtual_keys, "virtual_keys"),
    status: filters.status,
    httpStatuses: listOf(filters.status_code, "status_code")?.map((code) => {
      if (!/^\d{3}$/.test(code)) throw badRequest("filters.status_code must list HTTP status codes", "filters.status_code");
      return Number(code);
    }),
    traceId: filters.trace_id,
    // Both bounds given twice: the narrower wins.
    from: from.length ? new Date(Math.max(...from.map(Number))) : undefined,
    to: to.length ? new Date(Math.min(...to.map(Number))) : undefined,
    metadata: filters.metadata ? Object.fromEntries(Object.entries(filters.metadata).map(([key, value]) => [key, String(value)])) : undefined,
    q: filters.q,
    minTokens: filters.total_units_min,
    maxTokens: filters.total_units_max,
    minCost: filters.cost_min,
    maxCost: filters.cost_max,
  };
}

function listOf(value: string | (string | number)[] | undefined, param: string): string[] | undefined {
  if (value === undefined) return undefined;
  const items = (Array.isArray(value) ? value.map(String) : value.split(",")).map((item) => item.trim()).filter(Boolean);
  if (items.length > 50) throw badRequest(`filters.${param} lists at most 50 values`, `filters.${param}`);
  return items.length ? items : undefined;
}

/** The stored filters read back (they were validated when stored). */
export function storedFilters(value: unknown): ExportFilters {
  return filtersSchema.parse(value ?? {});
}

/** One export as Portkey's ExportItem, with Promptly's format and record count. */
export interface ExportItem {
  id: string;
  organisation_id: string | null;
  filters: ExportFilters;
  requested_data: ExportField[];
  status: ExportStatus;
  description: string | null;
  format: ExportFormat;
  total_records: number | null;
  created_at: string;
  last_updated_at: string;
  created_by: string | null;
  workspace_id: string | null;
  error: string | null;
  object: "export";
}
