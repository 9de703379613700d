import { z } from "zod";
import { describeLimit, jsonFits, limitValue, MAX_VARIABLES_BYTES } from "@/lib/core/limits/content-limits";
import { LOG_STATUSES } from "@/lib/logs/schemas";
import { listQuerySchema, versionNumber } from "@/lib/prompts/schemas";

/**
 * The datasets API's request schemas, shared by the routes, the client hooks and the forms.
 * Browser-safe. An item is `variables` (an object), an optional `expected` answer (a string
 * or any JSON value) and optional `metadata` (an object).
 */

const withinVariablesLimit = (what: string) => (value: unknown, ctx: z.RefinementCtx) => {
  const max = limitValue(MAX_VARIABLES_BYTES);
  if (!jsonFits(value, max)) ctx.addIssue({ code: "custom", message: `${what} is larger than the limit of ${describeLimit(MAX_VARIABLES_BYTES, max)}` });
};

const jsonObject = z.record(z.string(), z.unknown());

export const itemVariablesSchema = jsonObject.superRefine(withinVariablesLimit("variables"));
/** A string, or any JSON value; null means "no expected answer". */
export const itemExpectedSchema = z.unknown().superRefine(withinVariablesLimit("expected"));
export const itemMetadataSchema = jsonObject.superRefine(withinVariablesLimit("metadata"));

export const datasetItemInputSchema = z.object({
  variables: itemVariablesSchema.default({}),
  expected: itemExpectedSchema.optional(),
  metadata: itemMetadataSchema.nullish(),
});
export type DatasetItemInput = z.infer<typeof datasetItemInputSchema>;

/** One JSON request adds at most this many items; more go through a CSV or JSON Lines import. */
export const MAX_ITEMS_PER_REQUEST = 1000;

const datasetName = z.string().trim().min(1, "must not be empty").max(200);
const datasetDescription = z.string().max(2000);

export const createDatasetSchema = z.object({
  name: datasetName,
  description: datasetDescription.nullish(),
  // A collection (folder) id or slug; absent puts the dataset in the default folder.
  collection_id: z.string().min(1).nullish(),
  items: z.array(datasetItemInputSchema).max(MAX_ITEMS_PER_REQUEST).optional(),
});
export type CreateDatasetInput = z.infer<typeof createDatasetSchema>;

export const updateDatasetSchema = z.object({
  name: datasetName.optional(),
  description: datasetDescription.nullish(),
  collection_id: z.string().min(1).optional(),
});
export type UpdateDatasetInput = z.infer<typeof updateDatasetSchema>;

export const listDatasetsQuerySchema = listQuerySchema.extend({
  collection_id: z.string().min(1).optional(),
});
export type ListDatasetsQuery = z.infer<typeof listDatasetsQuerySchema>;

export const ITEMS_DEFAULT_LIMIT = 50;
export const ITEMS_MAX_LIMIT = 500;

export const listItemsQuerySchema = z.object({
  // A version number; absent means the current version.
  version: versionNumber.optional(),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .transform((n) => Math.min(n ?? ITEMS_DEFAULT_LIMIT, ITEMS_MAX_LIMIT)),
  cursor: z.string().max(100).optional(),
});
export type ListItemsQuery = z.infer<typeof listItemsQuerySchema>;

const isoTime = z
  .string()
  .trim()
  .refine((value) => !Number.isNaN(Date.parse(value)), "must be an ISO 8601 time, e.g. 2025-01-31T12:00:00Z")
  .transform((value) => new Date(value));

/** The most logs one backtest request looks at (newest first) and the most it adds. */
export const MAX_LOGS_PER_REQUEST = 10_000;

/** A backtest set: the named logs, or the logs a filter picks (optionally a random sample of them). */
const logIdsSchema = z.object({ log_ids: z.array(z.string().min(1).max(100)).min(1).max(MAX_LOGS_PER_REQUEST) }).strict();
const logFilterSchema = z
  .object({
    /** A prompt id or slug; required with `version` or `label`. */
    prompt: z.string().trim().min(1).max(200).optional(),
    version: versionNumber.optional(),
    label: z.string().trim().min(1).max(100).optional(),
    since: isoTime.optional(),
    until: isoTime.optional(),
    status: z.enum(LOG_STATUSES).optional(),
    /** Matches the `metadata` object of the logged request (string values, every key must match). */
    metadata: z.record(z.string(), z.string()).optional(),
    sample: z.number().int().min(1).max(MAX_LOGS_PER_REQUEST).optional(),
  })
  .strict()
  .refine((filter) => filter.prompt || (filter.version === undefined && filter.label === undefined), {
    message: "`version` and `label` need `prompt`",
    path: ["prompt"],
  })
  .refine((filter) => filter.version === undefined || filter.label === undefined, { message: "give `version` or `label`, not both", path: ["label"] });
// `log_ids` picks the shape first, so that a mistake is reported against it.
export const fromLogsSchema = z.unknown().transform((body, ctx): z.infer<typeof logIdsSchema> | z.infer<typeof logFilterSchema> => {
  const named = typeof body === "object" && body !== null && "log_ids" in body;
  const parsed = (named ? logIdsSchema : logFilterSchema).safeParse(body);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
  return z.NEVER;
});
export type FromLogsInput = z.infer<typeof fromLogsSchema>;

/**
 * POST /v1/datasets/:id/items with a JSON body: one item, `items`, or `from_logs`. The body's
 * keys pick the shape first, so that a mistake is reported against that shape (a union
 * would only say "invalid input").
 */
const itemsBody = z.object({ items: z.array(datasetItemInputSchema).min(1).max(MAX_ITEMS_PER_REQUEST) }).strict();
const fromLogsBody = z.object({ from_logs: fromLogsSchema }).strict();
const oneItemBody = datasetItemInputSchema.extend({ variables: itemVariablesSchema });
export const addItemsSchema = z.unknown().transform((body, ctx): z.infer<typeof itemsBody> | z.infer<typeof fromLogsBody> | z.infer<typeof oneItemBody> => {
  const keys = typeof body === "object" && body !== null && !Array.isArray(body) ? body : {};
  const schema = "items" in keys ? itemsBody : "from_logs" in keys ? fromLogsBody : oneItemBody;
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
  return z.NEVER;
});
export type AddItemsInput = z.infer<typeof addItemsSchema>;

export const updateItemSchema = z
  .object({
    variables: itemVariablesSchema.optional(),
    expected: itemExpectedSchema.optional(),
    metadata: itemMetadataSchema.nullish(),
  })
  .refine((input) => input.variables !== undefined || input.expected !== undefined || input.metadata !== undefined, {
    message: "give at least one of variables, expected, metadata",
  });
export type UpdateItemInput = z.infer<typeof updateItemSchema>;

/**
 * Where each CSV column goes: `expected`, `variables` (under its own name), `variables.NAME`,
 * `metadata` (under its own name), `metadata.KEY`, or `ignore`. Unmapped columns follow the
 * defaults: `expected` fills expected, `metadata.KEY` fills metadata, every other is a variable.
 */
export const columnTarget = z
  .string()
  .regex(/^(expected|variables|metadata|ignore|variables\.[^\s].*|metadata\.[^\s].*)$/, "must be expected, variables, variables.NAME, metadata, metadata.KEY or ignore");
export const columnMappingSchema = z.record(z.string(), columnTarget);
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

/** The query of a CSV or JSON Lines import: `mapping` is a JSON object (CSV only). */
export const importQuerySchema = z.object({
  mapping: z
    .string()
    .max(20_000)
    .optional()
    .transform((text, ctx) => {
      if (text === undefined || text === "") return undefined;
      try {
        const parsed = columnMappingSchema.safeParse(JSON.parse(text));
        if (parsed.success) return parsed.data;
        ctx.addIssue({ code: "custom", message: parsed.error.issues[0]?.message ?? "invalid mapping" });
      } catch {
        ctx.addIssue({ code: "custom", message: "must be a JSON object of column name to target" });
      }
      return z.NEVER;
    }),
});

export const EXPORT_FORMATS = ["csv", "jsonl"] as const;
export const exportQuerySchema = z.object({
  format: z.enum(EXPORT_FORMATS).default("jsonl"),
  version: versionNumber.optional(),
});
export type ExportQuery = z.infer<typeof exportQuerySchema>;
