import Database from "better-sqlite3";
import { runtimeSlot } from "@/lib/core/runtime";
import { sqliteUrl } from "./adapter";
import { databaseDialect } from "./dialect";

export type RawSqlite = Database.Database;
export type RawStatement = Database.Statement<unknown[]>;

/** Prisma's SQLite DateTime text: what a raw write must store so Prisma reads it back. */
export const sqliteDate = (date: Date) => date.toISOString().replace("Z", "+00:00");

// One connection per process and database file, shared by every bundled copy of this module.
const connections = runtimeSlot("raw-sqlite-connections", () => new Map<string, RawSqlite>());

/**
 * A second connection to DATABASE_URL's SQLite file, for the few hot writes where Prisma's
 * per-statement cost (a wasm query compile, ~1 ms of CPU each) dominates: their statements
 * are prepared once here. WAL keeps Prisma's readers unblocked, and the busy timeout makes
 * either connection wait for the other's write instead of failing. Null on PostgreSQL.
 * Values must be encoded as Prisma encodes them (JSON as text, booleans 0/1, sqliteDate).
 * Raw writes are synchronous and never meet a Prisma transaction half done: under the
 * better-sqlite3 adapter a transaction runs start to end in microtasks, so no timer or I/O
 * callback (where raw writes happen) runs between its statements. A Prisma transaction that
 * awaited real I/O (a fetch, a file) would break that: keep such work outside transactions.
 */
export function rawSqlite(url = process.env.DATABASE_URL): RawSqlite | null {
  if (databaseDialect(url) !== "sqlite") return null;
  const key = sqliteUrl(url);
  let connection = connections.get(key);
  if (!connection) {
    connection = new Database(key.replace(/^file:/, ""), { timeout: 5000 });
    connection.pragma("journal_mode = WAL");
    connection.pragma("synchronous = NORMAL");
    connections.set(key, connection);
  }
  return connection;
}
