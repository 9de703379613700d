import { db } from "@/lib/core/db";
import { rawSqlite, sqliteDate, type RawSqlite, type RawStatement } from "@/lib/core/db/raw-sqlite";
import { runtimeSlot } from "@/lib/core/runtime";

export interface ClaimedRow {
  id: string;
  itemId: string;
  targetIndex: number;
}

const CASE_ORDER = [{ position: "asc" as const }, { targetIndex: "asc" as const }, { repetition: "asc" as const }];

// SQLite: the claim is one statement (no read-then-update race to settle, no query compile).
const CLAIM_SQL = `UPDATE "experiment_case" SET "status" = 'running', "claimToken" = ?, "leaseUntil" = ?, "attempts" = "attempts" + 1
  WHERE "id" IN (SELECT "id" FROM "experiment_case" WHERE "experimentId" = ? AND "status" = 'pending' ORDER BY "position", "targetIndex", "repetition" LIMIT ?)
  RETURNING "id", "itemId", "targetIndex", "position", "repetition"`;
const statements = runtimeSlot("experiment-claim-statements", () => new WeakMap<RawSqlite, RawStatement>());

type Returned = ClaimedRow & { position: number; repetition: number };

function claimSqlite(connection: RawSqlite, experimentId: string, limit: number, token: string, leaseUntil: Date): ClaimedRow[] {
  let statement = statements.get(connection);
  if (!statement) statements.set(connection, (statement = connection.prepare(CLAIM_SQL)));
  const rows = statement.all(token, sqliteDate(leaseUntil), experimentId, limit) as Returned[];
  rows.sort((a, b) => a.position - b.position || a.targetIndex - b.targetIndex || a.repetition - b.repetition);
  return rows.map(({ id, itemId, targetIndex }) => ({ id, itemId, targetIndex }));
}

/**
 * Claims up to `limit` pending cases of an experiment, in case order, under `token`: they become
 * running with a lease. Returns the cases this call won; none when no case is pending, or when
 * another runner took them first (then `raced` says to try again).
 */
export async function claimCases(experimentId: string, limit: number, token: string, leaseUntil: Date): Promise<{ rows: ClaimedRow[]; raced: boolean }> {
  const connection = rawSqlite();
  if (connection) return { rows: claimSqlite(connection, experimentId, limit, token, leaseUntil), raced: false };
  // PostgreSQL: a conditional update of the candidates, then the ones that carry this token.
  const candidates = await db.experimentCase.findMany({ where: { experimentId, status: "pending" }, orderBy: CASE_ORDER, take: limit, select: { id: true } });
  if (candidates.length === 0) return { rows: [], raced: false };
  const ids = candidates.map((c) => c.id);
  const { count } = await db.experimentCase.updateMany({
    where: { id: { in: ids }, status: "pending" },
    data: { status: "running", claimToken: token, leaseUntil, attempts: { increment: 1 } },
  });
  if (count === 0) return { rows: [], raced: true };
  const rows = await db.experimentCase.findMany({ where: { id: { in: ids }, claimToken: token }, orderBy: CASE_ORDER, select: { id: true, itemId: true, targetIndex: true } });
  return { rows, raced: false };
}
