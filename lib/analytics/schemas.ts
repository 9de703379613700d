import { z } from "zod";

/**
 * The analytics API's query (GET /v1/analytics/{graphs,groups,summary}/...): Portkey's
 * parameters with their names and meanings (costs in cents, comma-separated lists, metadata
 * as a JSON object string), plus Promptly's own filters for prompt teams (prompt ids,
 * versions, labels, providers, statuses). Shared by the routes and the Analytics page.
 */
export const ANALYTICS_DEFAULT_DAYS = 7;
export const ANALYTICS_MAX_DAYS = 400;
export const GROUPS_DEFAULT_PAGE_SIZE = 20;
export const GROUPS_MAX_PAGE_SIZE = 1000;
export const INTERVALS = ["hour", "day"] as const;
export type Interval = (typeof INTERVALS)[number];
export const LOG_STATUSES = ["success", "error", "cancelled"] as const;

// An empty parameter (`?cost_min=`) means no filter, as a cleared form field does.
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const isoTime = z
  .string()
  .trim()
  .refine((value) => !Number.isNaN(Date.parse(value)), "must be an ISO 8601 time, e.g. 2026-02-23T14:20:31+05:30")
  .transform((value) => new Date(value))
  // Years both databases store and compare alike (JavaScript also parses -271821 and 275760).
  .refine((date) => date.getUTCFullYear() >= 1970 && date.getUTCFullYear() <= 9999, "must be between 1970 and 9999");

const list = <T extends z.ZodType>(item: T, max = 100) =>
  optional(
    z
      .string()
      .transform((value) => value.split(",").map((part) => part.trim()).filter(Boolean))
      // Items parse from the split strings (coerced where numeric).
      .pipe(z.array(item).max(max, `at most ${max} values`) as unknown as z.ZodType<Array<z.output<T>>, string[]>),
  );
const text = z.string().min(1).max(300);
const int = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const number = z.coerce.number().min(0).max(Number.MAX_SAFE_INTEGER);

const metadata = optional(
  z
    .string()
    .max(10_000)
    .transform((value, context) => {
      try {
        const parsed = JSON.parse(value) as unknown;
        if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) {
          return Object.fromEntries(Object.entries(parsed).map(([key, item]) => [key, String(item)]));
        }
      } catch {
        // reported below
      }
      context.addIssue({ code: "custom", message: 'must be a JSON object of key-value pairs, e.g. {"env":"staging"}' });
      return z.NEVER;
    }),
);

export const analyticsQuerySchema = z
  .object({
    time_of_generation_min: optional(isoTime),
    time_of_generation_max: optional(isoTime),
    /** Data point width; by default hours up to two days, days beyond. */
    interval: optional(z.enum(INTERVALS)),
    total_units_min: optional(int),
    total_units_max: optional(int),
    cost_min: optional(number),
    cost_max: optional(number),
    prompt_token_min: optional(int),
    prompt_token_max: optional(int),
    completion_token_min: optional(int),
    completion_token_max: optional(int),
    status_code: list(z.coerce.number().int().min(0).max(999)),
    weighted_feedback_min: optional(z.coerce.number().min(-10).max(10)),
    weighted_feedback_max: optional(z.coerce.number().min(-10).max(10)),
    virtual_keys: list(text),
    api_key_ids: list(text),
    metadata,
    /** `provider__model` pairs, as Portkey writes them; a bare model matches any provider. */
    ai_org_model: list(text),
    trace_id: list(text),
    prompt_slug: list(text),
    // Accepted for compatibility; Promptly has one workspace, no configs and no spans.
    workspace_slug: optional(text),
    configs: optional(z.string().max(2000)),
    span_id: optional(z.string().max(2000)),
    cache_status: optional(z.string().max(200)),
    // Promptly's own filters.
    prompt_id: list(text),
    prompt_version: list(z.coerce.number().int().min(0).max(2_147_483_647)),
    label: list(text),
    provider: list(text),
    model: list(text),
    status: list(z.enum(LOG_STATUSES)),
    // Groups: paging and order.
    page_size: optional(z.coerce.number().int().min(1).transform((n) => Math.min(n, GROUPS_MAX_PAGE_SIZE))),
    current_page: optional(z.coerce.number().int().min(0).max(1_000_000)),
    order_by: optional(z.string().max(100)),
    order_by_type: optional(z.enum(["asc", "desc"])),
  })
  .transform((query, context) => {
    const to = query.time_of_generation_max ?? new Date();
    const from = query.time_of_generation_min ?? new Date(to.getTime() - ANALYTICS_DEFAULT_DAYS * 86_400_000);
    if (from > to) context.addIssue({ code: "custom", path: ["time_of_generation_min"], message: "must not be after time_of_generation_max" });
    if (to.getTime() - from.getTime() > ANALYTICS_MAX_DAYS * 86_400_000) {
      context.addIssue({ code: "custom", path: ["time_of_generation_min"], message: `the range may span at most ${ANALYTICS_MAX_DAYS} days` });
    }
    const interval: Interval = query.interval ?? (to.getTime() - from.getTime() <= 2 * 86_400_000 ? "hour" : "day");
    return { ...query, from, to, interval };
  });
export type AnalyticsQuery = z.infer<typeof analyticsQuerySchema>;

/** One point of a time series: its bucket's start and Portkey's fields for the graph. */
export type DataPoint = { timestamp: string } & Record<string, number | null | unknown>;

export interface AnalyticsGraph {
  object: "analytics-graph";
  summary: Record<string, unknown>;
  data_points: Array<Record<string, unknown>>;
}

export interface AnalyticsGroupList {
  object: "list";
  total: number;
  data: Array<Record<string, unknown> & { object: "analytics-group" }>;
}
