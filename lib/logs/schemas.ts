import { z } from "zod";
import type { LogFilter } from "./filter-sql";

/**
 * The logs API (GET /v1/logs, GET /v1/logs/:id): its query schema, shared by the route and
 * the Logs page's filters, and the shapes it answers.
 */
export const LOG_STATUSES = ["success", "error", "cancelled"] as const;
export type LogStatus = (typeof LOG_STATUSES)[number];

export const LOGS_DEFAULT_LIMIT = 50;
export const LOGS_MAX_LIMIT = 200;

const isoTime = z
  .string()
  .trim()
  .refine((value) => !Number.isNaN(Date.parse(value)), "must be an ISO 8601 time, e.g. 2025-01-31T12:00:00Z")
  .transform((value) => new Date(value));

// An empty query parameter (`?status=`) means "no filter", as a cleared form field does.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

// `metadata.<key>=value` parameters (one or more, all must match), gathered into one object;
// Portkey's own style, `metadata={"key":"value"}` (a JSON object), is read too.
const METADATA_PARAM = /^metadata\.(.+)$/;
function gatherMetadataParams(params: unknown): unknown {
  if (!params || typeof params !== "object") return params;
  const rest: Record<string, unknown> = {};
  const pairs: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(params)) {
    const key = METADATA_PARAM.exec(name)?.[1];
    if (key !== undefined) pairs[key] = value;
    else rest[name] = value;
  }
  let metadata: unknown = Object.keys(pairs).length > 0 ? pairs : undefined;
  if (typeof rest.metadata === "string" && rest.metadata.trim() !== "") {
    metadata = rest.metadata; // refused below with the schema's message unless it is an object
    try {
      const parsed: unknown = JSON.parse(rest.metadata);
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) metadata = { ...parsed, ...pairs };
    } catch {
      // not JSON: refused below
    }
  }
  return { ...rest, metadata };
}

const metadataFilter = z
  .record(z.string().min(1).max(128), z.string().max(1024), { error: () => "must be a JSON object of string values" })
  .refine((value) => Object.keys(value).length <= 16, "at most 16 metadata filters");

const listLogsFields = z
  .object({
    /** A prompt id or slug. */
    prompt: optional(z.string().trim().min(1).max(200)),
    status: optional(z.enum(LOG_STATUSES, { error: () => `must be one of: ${LOG_STATUSES.join(", ")}` })),
    version: optional(z.coerce.number().int().min(1).max(1_000_000)),
    /** The label the caller addressed (`production`, without the `@`). */
    label: optional(z.string().trim().max(200)),
    model: optional(z.string().trim().max(200)),
    provider: optional(z.string().trim().max(100)),
    api_key_id: optional(z.string().trim().max(100)),
    trace_id: optional(z.string().trim().max(200)),
    /** Words of the rendered input or the output (every one must occur, each as a word or its beginning). */
    q: optional(z.string().max(500)),
    from: optional(isoTime),
    to: optional(isoTime),
    // Over-large pages are capped rather than refused, like page_size elsewhere.
    limit: optional(z.coerce.number().int().min(1).transform((n) => Math.min(n, LOGS_MAX_LIMIT))).transform(
      (n) => n ?? LOGS_DEFAULT_LIMIT,
    ),
    cursor: optional(z.string().max(200)),
    /** Rows whose x-portkey-metadata holds every one of these key/value pairs. */
    metadata: metadataFilter.optional(),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, { message: "must not be after `to`", path: ["from"] });

export const listLogsQuerySchema = z.preprocess(gatherMetadataParams, listLogsFields);
export type ListLogsQuery = z.infer<typeof listLogsQuerySchema>;

/** The list's filter (its paging aside) in the form every log read takes (filter-sql.ts). */
export function listFilter(query: Omit<ListLogsQuery, "limit" | "cursor">): LogFilter {
  return {
    prompt: query.prompt,
    version: query.version,
    label: query.label?.replace(/^@/, "") || undefined,
    model: query.model,
    provider: query.provider,
    apiKeyId: query.api_key_id,
    status: query.status,
    traceId: query.trace_id,
    q: query.q,
    from: query.from,
    to: query.to,
    metadata: query.metadata,
  };
}

/** One row of the list: enough for a table, without the heavy JSON columns. */
export interface LogSummary {
  id: string;
  trace_id: string;
  created_at: string;
  prompt_id: string | null;
  prompt_slug: string | null;
  prompt_version: number | null;
  is_draft: boolean;
  provider: string | null;
  model: string | null;
  status: LogStatus;
  http_status: number | null;
  latency_ms: number | null;
  ttft_ms: number | null;
  total_tokens: number | null;
  /** US dollars at the prices of the day it was logged; null = unknown (no price or no usage), never 0 for unknown. */
  cost_usd: number | null;
  stream: boolean;
  /** The label the caller addressed, null when called by version, draft or default. */
  label: string | null;
}

export interface LogList {
  data: LogSummary[];
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  next_cursor: string | null;
}

export interface LogDetail extends LogSummary {
  prompt_version_id: string | null;
  /** Time spent waiting on the provider (to a stream's headers), retries included. */
  upstream_ms: number | null;
  /** Retries the call took (x-portkey-retry-attempt-count). */
  retries: number | null;
  virtual_key_id: string | null;
  error: string | null;
  finish_reason: string | null;
  usage: { prompt_tokens: number | null; completion_tokens: number | null; total_tokens: number | null; cached_tokens: number | null };
  variables: unknown;
  request: unknown;
  response: unknown;
  api_key_id: string | null;
  user_id: string | null;
  /** The experiment whose case or judge made the call. */
  experiment_id: string | null;
  /** The caller's x-portkey-metadata. */
  metadata: Record<string, string> | null;
  /** Feedback sent for this row's trace id (POST /v1/feedback), oldest first. */
  feedback: FeedbackEntry[];
}

export interface FeedbackEntry {
  id: string;
  trace_id: string;
  value: number;
  weight: number;
  metadata: unknown;
  created_at: string;
  updated_at: string;
}

/** POST /v1/model-prices/recompute: reprices the logs of a time range at today's prices. */
export const recomputeCostsSchema = z
  .strictObject({ from: isoTime, to: isoTime })
  .refine((range) => range.from <= range.to, { message: "must not be after `to`", path: ["from"] });
export type RecomputeCostsInput = z.infer<typeof recomputeCostsSchema>;
