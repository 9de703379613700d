import { randomUUID } from "node:crypto";
import { rawSqlite, sqliteDate, type RawSqlite } from "@/lib/core/db/raw-sqlite";
import { Prisma } from "@/lib/generated/prisma/client";
import { runtimeSlot } from "@/lib/core/runtime";

type Row = Prisma.CompletionLogCreateManyInput;
export type SqliteBatchWriter = (rows: Row[]) => void;

/**
 * Completion logs on SQLite, written without Prisma: through Prisma a 200-row batch costs
 * ~1.2 ms of CPU per row (statements re-prepared, the wasm query compiler) and blocks the
 * event loop ~150 ms. Here: one cached prepared INSERT, the whole batch and the prompts'
 * lastUsedAt in one transaction, on a second connection to the same file (WAL: readers are
 * not blocked; busy_timeout: it waits for Prisma's writes instead of failing).
 * Values are encoded as Prisma encodes them on SQLite (JSON as text, booleans 0/1, dates as
 * `2026-01-02T03:04:05.678+00:00`) and checked like Prisma checks them: a row of the wrong
 * shape throws, so the writer's row-by-row retry drops only that row, never stores junk
 * Prisma could not read back.
 */
const COLUMNS = {
  text: ["traceId", "promptId", "promptSlug", "promptVersionId", "virtualKeyId", "provider", "model", "status", "error", "finishReason", "apiKeyId", "userId", "experimentId", "metadata", "label", "searchText"],
  int: ["promptVersion", "httpStatus", "latencyMs", "ttftMs", "upstreamMs", "retries", "promptTokens", "completionTokens", "totalTokens", "cachedTokens"],
  real: ["costUsd"],
  bool: ["isDraft", "stream"],
  json: ["variables", "request", "response"],
} as const;
/** Every column the raw INSERT writes (a test holds it to the schema: a new column is not dropped). */
export const ORDER = ["id", ...COLUMNS.text, ...COLUMNS.int, ...COLUMNS.real, ...COLUMNS.bool, ...COLUMNS.json, "createdAt"];
const INSERT = `INSERT INTO "completion_log" (${ORDER.map((c) => `"${c}"`).join(", ")}) VALUES (${ORDER.map(() => "?").join(", ")})`;
const TOUCH = `UPDATE "prompt" SET "lastUsedAt" = ? WHERE "id" = ?`;

function toDate(value: unknown): string {
  const date = value instanceof Date ? value : typeof value === "string" ? new Date(value) : new Date(NaN);
  if (Number.isNaN(date.getTime())) throw new TypeError(`createdAt: not a date (${String(value)})`);
  return sqliteDate(date);
}

function toJson(name: string, value: unknown): string | null {
  if (value === undefined || value === null || value === Prisma.DbNull) return null;
  if (value === Prisma.JsonNull) return "null";
  const text = JSON.stringify(value);
  if (text === undefined) throw new TypeError(`${name}: not JSON`);
  return text;
}

function values(row: Row): unknown[] {
  const record = row as unknown as Record<string, unknown>;
  const out: unknown[] = [row.id ?? randomUUID()];
  for (const name of COLUMNS.text) {
    const value = record[name] ?? null;
    if (value !== null && typeof value !== "string") throw new TypeError(`${name}: not a string`);
    out.push(value);
  }
  if (out[1] === null || out[8] === null) throw new TypeError("traceId and status are required");
  for (const name of COLUMNS.int) {
    const value = record[name] ?? null;
    if (value !== null && !Number.isSafeInteger(value)) throw new TypeError(`${name}: not an integer`);
    out.push(value);
  }
  for (const name of COLUMNS.real) {
    const value = record[name] ?? null;
    if (value !== null && !Number.isFinite(value)) throw new TypeError(`${name}: not a finite number`);
    out.push(value);
  }
  for (const name of COLUMNS.bool) {
    const value = record[name] ?? false;
    if (typeof value !== "boolean") throw new TypeError(`${name}: not a boolean`);
    out.push(value ? 1 : 0);
  }
  for (const name of COLUMNS.json) out.push(toJson(name, record[name]));
  out.push(toDate(row.createdAt));
  return out;
}

function open(connection: RawSqlite): SqliteBatchWriter {
  const insert = connection.prepare(INSERT);
  const touch = connection.prepare(TOUCH);
  return connection.transaction((rows: Row[]) => {
    const used = new Set<string>();
    for (const row of rows) {
      insert.run(values(row));
      if (row.promptId) used.add(row.promptId);
    }
    // lastUsedAt by raw SQL on purpose: an ORM update would also bump updatedAt.
    const now = sqliteDate(new Date());
    for (const id of used) touch.run(now, id);
  });
}

// One writer (its prepared statements) per connection, shared by every bundled copy of this module.
const writers = runtimeSlot("sqlite-log-writers", () => new WeakMap<RawSqlite, SqliteBatchWriter>());

/** The SQLite batch writer for DATABASE_URL, or null on PostgreSQL (Prisma writes there). */
export function sqliteBatchWriter(url = process.env.DATABASE_URL): SqliteBatchWriter | null {
  const connection = rawSqlite(url);
  if (!connection) return null;
  let writer = writers.get(connection);
  if (!writer) writers.set(connection, (writer = open(connection)));
  return writer;
}
