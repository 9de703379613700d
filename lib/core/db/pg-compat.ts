import { Prisma } from "@/lib/generated/prisma-pg/client";
import { badRequest } from "@/lib/core/http/errors";

/**
 * What PostgreSQL does differently from SQLite, made the same for the shared code (the
 * PostgreSQL client only; see lib/core/db/index.ts):
 * - Text search: Prisma's `contains` is SQL LIKE, case-insensitive on SQLite and
 *   case-sensitive on PostgreSQL, so "support" would miss "Support Bot". Every text filter
 *   of every `where` gets `mode: "insensitive"` (a PostgreSQL-only option the SQLite-typed
 *   code can't spell).
 * - NUL characters: PostgreSQL text can't hold U+0000 and fails the whole query (a 500),
 *   where SQLite stores and compares it. A filter value with a NUL can match nothing, so it
 *   is made to match nothing (U+FFFF, a noncharacter, in its place: a 404, as on SQLite);
 *   a NUL in a text value to write is a 400, except in completion logs, which must never
 *   be lost over one odd character (U+FFFD replaces it there). JSON values are sent
 *   escaped and stay fine.
 */
export const postgresCompat = Prisma.defineExtension({
  name: "promptly-postgres-compat",
  query: {
    $allModels: {
      async $allOperations({ model, args, query }) {
        const input = (args ?? {}) as Record<string, unknown>;
        if (input.where) adaptFilter(input.where);
        for (const key of ["data", "create", "update"]) storableText(input[key], model === "CompletionLog");
        return query(args);
      },
    },
  },
});

const TEXT_FILTERS = ["contains", "startsWith", "endsWith"] as const;
const NUL = /\u0000/g;

/** Walks a where tree (AND / OR / NOT / relation filters) in place. Exported for tests. */
export function adaptFilter(node: unknown): void {
  if (!node || typeof node !== "object" || node instanceof Date) return;
  const entries = node as Record<string, unknown>;
  for (const [key, value] of Object.entries(entries)) {
    if (typeof value === "string" && value.includes("\u0000")) entries[key] = value.replace(NUL, "\uffff");
    else adaptFilter(value);
  }
  if (!Array.isArray(node) && TEXT_FILTERS.some((key) => typeof entries[key] === "string") && entries.mode === undefined) {
    entries.mode = "insensitive";
  }
}

/** The text fields of a row (or rows) to write; nested objects are JSON values or relations. */
export function storableText(data: unknown, replace = false): void {
  if (Array.isArray(data)) return data.forEach((row) => storableText(row, replace));
  if (!data || typeof data !== "object") return;
  const row = data as Record<string, unknown>;
  for (const [field, value] of Object.entries(row)) {
    if (typeof value !== "string" || !value.includes("\u0000")) continue;
    if (!replace) throw badRequest(`${field} must not contain the NUL character (\\u0000)`, field);
    row[field] = value.replace(NUL, "\ufffd");
  }
}
