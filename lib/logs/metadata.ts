import { z } from "zod";
import type { RequestHeaders } from "@/lib/core/http/api-request";
import { badRequest } from "@/lib/core/http/errors";

/**
 * Portkey's request metadata: a flat JSON object of string values, sent as the
 * `x-portkey-metadata` header (or in a POST /v1/logs body), stored on the log row as JSON text
 * and filterable in GET /v1/logs. Bounded, since it rides on every row.
 */
export const METADATA_HEADER = "x-portkey-metadata";
export const METADATA_MAX_BYTES = 4096;
export const METADATA_MAX_KEYS = 64;
const KEY_MAX = 128;

export const logMetadataSchema = z
  .record(z.string().min(1).max(KEY_MAX), z.string(), { error: () => "must be a JSON object of string values" })
  .refine((value) => Object.keys(value).length <= METADATA_MAX_KEYS, `must have at most ${METADATA_MAX_KEYS} keys`)
  .refine((value) => Buffer.byteLength(JSON.stringify(value)) <= METADATA_MAX_BYTES, `must be at most ${METADATA_MAX_BYTES} bytes as JSON`);
export type LogMetadata = z.infer<typeof logMetadataSchema>;

/** The header's metadata as the column stores it (JSON text), null when absent; a 400 when malformed. */
export function metadataFromHeaders(headers: Pick<RequestHeaders, "get">): string | null {
  const raw = headers.get(METADATA_HEADER);
  if (raw === null || raw.trim() === "") return null;
  if (raw.length > METADATA_MAX_BYTES * 2) throw badRequest(`${METADATA_HEADER} must be at most ${METADATA_MAX_BYTES} bytes as JSON`, METADATA_HEADER, "invalid_metadata");
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw badRequest(`${METADATA_HEADER} is not valid JSON`, METADATA_HEADER, "invalid_metadata");
  }
  return metadataColumn(value, METADATA_HEADER);
}

/** Validated metadata as column text (null for an empty object). */
export function metadataColumn(value: unknown, param: string): string | null {
  const parsed = logMetadataSchema.safeParse(value);
  if (!parsed.success) throw badRequest(`${param} ${parsed.error.issues[0]?.message ?? "is invalid"}`, param, "invalid_metadata");
  return Object.keys(parsed.data).length === 0 ? null : likeSafeJson(parsed.data);
}

/**
 * JSON text without LIKE's wildcards: `%` and `_` (only ever inside strings in JSON) written
 * as the escapes \u0025 and \u005f, which read back the same. Prisma's `contains` is a LIKE
 * that escapes nothing, and SQLite's LIKE has no escape character at all, so a filter's
 * needle must not hold them.
 */
function likeSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/%/g, "\\u0025").replace(/_/g, "\\u005f");
}

/** The column's text read back as an object (null when absent or unreadable). */
export function parseMetadataColumn(text: string | null): LogMetadata | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === "object" && !Array.isArray(value) ? (value as LogMetadata) : null;
  } catch {
    return null;
  }
}

/**
 * The `contains` operand matching a stored metadata text exactly when `key` maps to `value`:
 * the column is the JSON of a flat object of strings, which escapes every quote inside keys
 * and values, so `"key":"value"` can only match one whole pair. PostgreSQL's LIKE treats a
 * backslash as its escape character (SQLite's does not): there each one is doubled.
 */
export function metadataPairNeedle(key: string, value: string, dialect: "sqlite" | "postgres"): string {
  const needle = `${likeSafeJson(key)}:${likeSafeJson(value)}`;
  return dialect === "postgres" ? needle.replace(/\\/g, "\\\\") : needle;
}
