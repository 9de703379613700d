import { db } from "@/lib/core/db";
import { rawSqlite, sqliteDate, type RawSqlite } from "@/lib/core/db/raw-sqlite";
import { runtimeSlot } from "@/lib/core/runtime";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CaseResult } from "./run-case";

/** The claim a result belongs to: it is written only while the case still carries it. */
export interface ClaimRef {
  id: string;
  token: string;
}

function resultData(result: CaseResult, finishedAt: Date) {
  return {
    status: result.status,
    leaseUntil: null,
    input: (result.input ?? undefined) as Prisma.InputJsonValue | undefined,
    output: result.output,
    latencyMs: result.latencyMs,
    promptTokens: result.promptTokens,
    completionTokens: result.completionTokens,
    totalTokens: result.totalTokens,
    costUsd: result.costUsd,
    error: result.error,
    scores: (result.scores ?? undefined) as Prisma.InputJsonValue | undefined,
    passed: result.passed,
    finishedAt,
  };
}

// On SQLite, one statement prepared once per connection, and the results that finish in the
// same turn of the event loop written in one transaction (one WAL commit): a result is written
// on every case, and through Prisma each write cost a query compile (lib/core/db/raw-sqlite.ts).
const RESULT_SQL = `UPDATE "experiment_case" SET "status" = ?, "leaseUntil" = NULL, "input" = ?, "output" = ?, "latencyMs" = ?, "promptTokens" = ?, "completionTokens" = ?, "totalTokens" = ?, "costUsd" = ?, "error" = ?, "scores" = ?, "passed" = ?, "finishedAt" = ? WHERE "id" = ? AND "status" = 'running' AND "claimToken" = ?`;

interface Pending {
  args: unknown[];
  done: (error?: unknown) => void;
}
interface Writer {
  write: (rows: readonly Pending[]) => void;
  pending: Pending[];
}
const writers = runtimeSlot("experiment-result-writers", () => new WeakMap<RawSqlite, Writer>());

function writerFor(connection: RawSqlite): Writer {
  let writer = writers.get(connection);
  if (!writer) {
    const statement = connection.prepare(RESULT_SQL);
    const write = connection.transaction((rows: readonly Pending[]) => {
      for (const row of rows) statement.run(row.args);
    });
    writers.set(connection, (writer = { write, pending: [] }));
  }
  return writer;
}

function flush(writer: Writer): void {
  const rows = writer.pending.splice(0);
  try {
    writer.write(rows);
  } catch (error) {
    for (const row of rows) row.done(error);
    return;
  }
  for (const row of rows) row.done();
}

const jsonText = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

function writeSqlite(connection: RawSqlite, claim: ClaimRef, result: CaseResult, finishedAt: Date): Promise<void> {
  const passed = result.passed === null ? null : result.passed ? 1 : 0;
  const args = [result.status, jsonText(result.input), result.output, result.latencyMs, result.promptTokens, result.completionTokens, result.totalTokens, result.costUsd, result.error, jsonText(result.scores), passed, sqliteDate(finishedAt), claim.id, claim.token];
  const writer = writerFor(connection);
  return new Promise((resolve, reject) => {
    if (writer.pending.length === 0) setImmediate(() => flush(writer));
    writer.pending.push({ args, done: (error) => (error === undefined ? resolve() : reject(error)) });
  });
}

/** Records a finished case, unless another runner took it back (its lease ran out). */
export async function writeCaseResult(claim: ClaimRef, result: CaseResult, finishedAt = new Date()): Promise<void> {
  const connection = rawSqlite();
  if (connection) return writeSqlite(connection, claim, result, finishedAt);
  await writeCaseResultWithPrisma(claim, result, finishedAt);
}

/** Through Prisma whatever the database: the reference the raw SQLite write is held to (tests). */
export async function writeCaseResultWithPrisma(claim: ClaimRef, result: CaseResult, finishedAt = new Date()): Promise<void> {
  await db.experimentCase.updateMany({ where: { id: claim.id, status: "running", claimToken: claim.token }, data: resultData(result, finishedAt) });
}

/** A case stopped by shutdown goes back to pending: the next start runs it again. */
export async function requeueCase(claim: ClaimRef): Promise<void> {
  await db.experimentCase.updateMany({ where: { id: claim.id, status: "running", claimToken: claim.token }, data: { status: "pending", leaseUntil: null, claimToken: null } });
}
