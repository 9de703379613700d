import { db } from "@/lib/core/db";
import { rawSqlite, sqliteDate, type RawSqlite, type RawStatement } from "@/lib/core/db/raw-sqlite";
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

// On SQLite, one statement prepared once per connection: a case's result is written on every
// case, and through Prisma each write cost a query compile (see lib/core/db/raw-sqlite.ts).
const RESULT_SQL = `UPDATE "experiment_case" SET "status" = ?, "leaseUntil" = NULL, "input" = ?, "output" = ?, "latencyMs" = ?, "promptTokens" = ?, "completionTokens" = ?, "totalTokens" = ?, "costUsd" = ?, "error" = ?, "scores" = ?, "passed" = ?, "finishedAt" = ? WHERE "id" = ? AND "status" = 'running' AND "claimToken" = ?`;
const statements = runtimeSlot("experiment-result-statements", () => new WeakMap<RawSqlite, RawStatement>());

const jsonText = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

function writeSqlite(connection: RawSqlite, claim: ClaimRef, result: CaseResult, finishedAt: Date): void {
  let statement = statements.get(connection);
  if (!statement) statements.set(connection, (statement = connection.prepare(RESULT_SQL)));
  const passed = result.passed === null ? null : result.passed ? 1 : 0;
  statement.run(result.status, jsonText(result.input), result.output, result.latencyMs, result.promptTokens, result.completionTokens, result.totalTokens, result.costUsd, result.error, jsonText(result.scores), passed, sqliteDate(finishedAt), claim.id, claim.token);
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
