import { databaseDialect, type DatabaseDialect } from "@/lib/core/db/dialect";
import { metadataPairNeedle } from "./metadata";
import { searchTerms } from "./search-text";

/**
 * One filter of completion logs, as the log list (GET /v1/logs), the Logs page and exports
 * (/v1/logs/exports) all express it, rendered here once as SQL for either database. SQL
 * rather than Prisma's where, because the text search joins an index Prisma can't name
 * (SQLite FTS5; PostgreSQL GIN over to_tsvector, see the migration that creates them).
 */
export interface LogFilter {
  /** A prompt id or slug. */
  prompt?: string;
  version?: number;
  label?: string;
  model?: string;
  provider?: string;
  apiKeyId?: string;
  virtualKeyIds?: string[];
  status?: string;
  httpStatuses?: number[];
  traceId?: string;
  from?: Date;
  to?: Date;
  /** Every pair must be in the row's x-portkey-metadata. */
  metadata?: Record<string, string>;
  /** Words of the rendered input or the output (search-text.ts). */
  q?: string;
  minTokens?: number;
  maxTokens?: number;
  minCost?: number;
  maxCost?: number;
}

export interface Keyset {
  createdAt: Date;
  id: string;
}

export interface SqlWhere {
  where: string;
  params: unknown[];
  bind: (value: unknown) => string;
}

const DIALECTS = {
  sqlite: {
    placeholder: () => "?",
    // Prisma's SQLite DateTime text (lib/logs/sqlite-batch.ts), which compares in time order.
    date: (date: Date) => date.toISOString().replace("Z", "+00:00"),
    like: "LIKE",
    search: (at: string) => `"completion_log".rowid IN (SELECT rowid FROM "completion_log_fts" WHERE "completion_log_fts" MATCH ${at})`,
    // FTS5: each term quoted (no operator can be smuggled in), `*` for a word's beginning.
    terms: (terms: string[]) => terms.map((term) => `"${term}"*`).join(" "),
  },
  postgres: {
    placeholder: (index: number) => `$${index}`,
    date: (date: Date) => date,
    // Case-insensitive, as SQLite's LIKE and every Prisma text filter here (pg-compat.ts).
    like: "ILIKE",
    // The very expression of the GIN index "completion_log_search_idx", so that it is used.
    search: (at: string) => `to_tsvector('simple', coalesce("searchText", '')) @@ to_tsquery('simple', ${at})`,
    terms: (terms: string[]) => terms.map((term) => `${term}:*`).join(" & "),
  },
} as const;

/** The WHERE clause (without the keyword) for `filter`, rows strictly after `after` in newest-first order. */
export function logFilterSql(filter: LogFilter, after?: Keyset | null, dialect: DatabaseDialect = databaseDialect(process.env.DATABASE_URL)): SqlWhere {
  const d = DIALECTS[dialect];
  const params: unknown[] = [];
  const bind = (value: unknown) => {
    // PostgreSQL text can't hold NUL (the query would fail): such a value can match nothing.
    const safe = dialect === "postgres" && typeof value === "string" ? value.replace(/\u0000/g, "\uffff") : value;
    params.push(safe instanceof Date ? d.date(safe) : safe);
    return d.placeholder(params.length);
  };
  const conditions: string[] = [];
  const equals = (column: string, value: unknown) => {
    if (value !== undefined && value !== null && value !== "") conditions.push(`"${column}" = ${bind(value)}`);
  };
  const anyOf = (column: string, values: readonly unknown[] | undefined) => {
    if (values && values.length > 0) conditions.push(`"${column}" IN (${values.map(bind).join(", ")})`);
  };
  if (filter.prompt) conditions.push(`("promptId" = ${bind(filter.prompt)} OR "promptSlug" = ${bind(filter.prompt)})`);
  equals("promptVersion", filter.version);
  equals("label", filter.label);
  equals("model", filter.model);
  equals("provider", filter.provider);
  equals("apiKeyId", filter.apiKeyId);
  equals("status", filter.status);
  equals("traceId", filter.traceId);
  anyOf("virtualKeyId", filter.virtualKeyIds);
  anyOf("httpStatus", filter.httpStatuses);
  if (filter.from) conditions.push(`"createdAt" >= ${bind(filter.from)}`);
  if (filter.to) conditions.push(`"createdAt" <= ${bind(filter.to)}`);
  if (filter.minTokens !== undefined) conditions.push(`"totalTokens" >= ${bind(filter.minTokens)}`);
  if (filter.maxTokens !== undefined) conditions.push(`"totalTokens" <= ${bind(filter.maxTokens)}`);
  if (filter.minCost !== undefined) conditions.push(`"costUsd" >= ${bind(filter.minCost)}`);
  if (filter.maxCost !== undefined) conditions.push(`"costUsd" <= ${bind(filter.maxCost)}`);
  for (const [key, value] of Object.entries(filter.metadata ?? {})) {
    // The stored JSON has no LIKE wildcards, nor has the needle (metadata.ts says why).
    conditions.push(`"metadata" ${d.like} ${bind(`%${metadataPairNeedle(key, value, dialect)}%`)}`);
  }
  if (filter.q !== undefined && filter.q.trim() !== "") {
    const terms = searchTerms(filter.q);
    // A search of punctuation alone has no word to find: it matches nothing, not everything.
    conditions.push(terms.length > 0 ? d.search(bind(d.terms(terms))) : "1 = 0");
  }
  if (after) conditions.push(`("createdAt" < ${bind(after.createdAt)} OR ("createdAt" = ${bind(after.createdAt)} AND "id" < ${bind(after.id)}))`);
  return { where: conditions.length > 0 ? conditions.join(" AND ") : "1 = 1", params, bind };
}

/** The ids of one page of matching rows, newest first. */
export function logPageSql(filter: LogFilter, after: Keyset | null, limit: number, dialect?: DatabaseDialect): { sql: string; params: unknown[] } {
  const { where, params, bind } = logFilterSql(filter, after, dialect);
  return { sql: `SELECT "id", "createdAt" FROM "completion_log" WHERE ${where} ORDER BY "createdAt" DESC, "id" DESC LIMIT ${bind(limit)}`, params };
}

/** How many rows match. */
export function logCountSql(filter: LogFilter, dialect?: DatabaseDialect): { sql: string; params: unknown[] } {
  const { where, params } = logFilterSql(filter, null, dialect);
  return { sql: `SELECT COUNT(*) AS "count" FROM "completion_log" WHERE ${where}`, params };
}
