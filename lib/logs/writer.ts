import { broadcast, onBroadcast } from "@/lib/core/cluster/broadcast";
import { db, releaseDebugHistory } from "@/lib/core/db";
import { wellFormedJson } from "@/lib/core/json/well-formed";
import { Prisma } from "@/lib/generated/prisma/client";
import { runtimeSlot } from "@/lib/core/runtime";
import { costUsd } from "@/lib/costs/cost";
import { priceBook, priceFor } from "@/lib/costs/price-book";
import { logBodiesMode, withLogBodies } from "./bodies";
import { rollUpFeedback } from "@/lib/analytics/feedback-rollup";
import { flushRollups, rollUpWrittenLogs } from "@/lib/analytics/rollup";
import { searchTextOf } from "./search-text";
import { sqliteBatchWriter } from "./sqlite-batch";
import { LOG_WRITER_SLOT } from "./writer-slot";

export type CompletionLogRow = Prisma.CompletionLogCreateManyInput;

const FLUSH_EVERY_MS = 200;
const MAX_BATCH = 200;
/**
 * Rows built and written per turn of the event loop. On SQLite a write is synchronous, about
 * 0.1 ms a row with its indexes and full-text entry: a whole 200-row batch held the loop for
 * ~25 ms, which every request in flight waited out (the event-loop delay p99 under load).
 * 40 rows hold it ~4 ms.
 */
const WRITE_SLICE = 40;
const MAX_PENDING = 10_000;

/** A row whose costly part is computed when its batch is written (see enqueue). */
type Queued = CompletionLogRow | { createdAt: Date; build: () => CompletionLogRow };

/**
 * Completion logs are written off the request path: rows queue in memory and are inserted in
 * batches. A failed write is reported to the server log and never reaches a caller; when the
 * database cannot keep up, the oldest queued rows are dropped rather than memory growing.
 * At shutdown (lib/lifecycle/shutdown.ts) the writer switches to writing each row at once, so rows of
 * the requests still finishing don't wait for a timer that may never fire.
 */
class LogWriter {
  private pending: Queued[] = [];
  private timer: NodeJS.Timeout | null = null;
  // Flushes run one after another: each one resolves only once every row queued before it
  // was called is written (or reported as failed), which is what shutdown relies on.
  private chain: Promise<void> = Promise.resolve();
  private closing = false;

  /**
   * Queues a row, or a function that builds it when its batch is written: a stream's row
   * (its text and usage parsed out of every chunk) is then built in the batch, not right
   * after the stream ends, when the same client's next request is on its way in.
   */
  enqueue(row: CompletionLogRow | (() => CompletionLogRow)): void {
    // Stamped now, not when the batch is written, so rows keep the order of their calls.
    const queued: Queued = typeof row === "function" ? { createdAt: new Date(), build: row } : { ...row, createdAt: row.createdAt ?? new Date() };
    // A backlog (a slow database) builds at once: unbuilt rows hold every chunk of their stream.
    if (this.pending.length >= MAX_BATCH) this.pending.push(...built(queued));
    else this.pending.push(queued);
    if (this.pending.length > MAX_PENDING) this.pending.splice(0, this.pending.length - MAX_PENDING);
    if (this.closing) void this.flush();
    else if (this.pending.length >= MAX_BATCH) void this.writeQueued();
    else if (!this.timer) {
      this.timer = setTimeout(() => void this.writeQueued(), FLUSH_EVERY_MS);
      this.timer.unref?.();
    }
  }

  /** Writes everything queued so far, and the analytics rollups held for it (shutdown, tests). */
  flush(): Promise<void> {
    return this.writeQueued().then(() => flushRollups());
  }

  private writeQueued(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.chain = this.chain.then(() => this.drain());
    return this.chain;
  }

  /** From now on every row is written as soon as it is queued: the process is stopping. */
  startClosing(): void {
    this.closing = true;
    void this.flush();
  }

  /** Rows queued and not yet handed to the database. */
  get pendingCount(): number {
    return this.pending.length;
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, MAX_BATCH);
      // A provider's answer may carry a lone surrogate (`"\ud800"`), which Prisma refuses on
      // PostgreSQL: U+FFFD takes its place, on both databases, rather than the row being lost.
      // PROMPTLY_LOG_BODIES=metadata: the text never reaches the database (lib/logs/bodies.ts).
      const mode = logBodiesMode();
      const stored: CompletionLogRow[] = [];
      // Built and written a slice per turn of the event loop: SQLite's writes are synchronous,
      // and requests and chunks waiting for the loop get it between slices.
      for (let at = 0; at < batch.length; at += WRITE_SLICE) {
        if (at > 0) await nextTurn();
        // The search text is read from what is stored, so metadata mode has none to index.
        const rows = batch
          .slice(at, at + WRITE_SLICE)
          .flatMap(built)
          .map((row) => withSearchText(wellFormedJson(withLogBodies(row, mode))));
        stored.push(...(await storeRows(await priced(rows))));
      }
      // Once per batch: the rollups' feedback lookup is a query of its own.
      await afterStored(stored);
      // A batch can weigh megabytes: free Prisma's debug copy of it now, not within a second.
      releaseDebugHistory();
      // A backlog (thousands of streams ending together) is written a batch at a time too.
      if (this.pending.length > 0) await nextTurn();
    }
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function withSearchText(row: CompletionLogRow): CompletionLogRow {
  return { ...row, searchText: searchTextOf(row.request, row.response) };
}

function built(queued: Queued): CompletionLogRow[] {
  if (!("build" in queued)) return [queued];
  try {
    return [{ ...queued.build(), createdAt: queued.createdAt }];
  } catch (error) {
    console.error("[promptly] could not build a completion log row:", (error as Error).message);
    return [];
  }
}

/**
 * Each row's cost at today's prices, stored on the row so that a later price change does not
 * rewrite history. Null when the price or the usage is unknown; a row that came with a cost
 * keeps it. Prices that cannot be read leave costs unknown rather than losing the batch.
 */
async function priced(rows: CompletionLogRow[]): Promise<CompletionLogRow[]> {
  if (!rows.some((row) => row.costUsd === undefined)) return rows;
  let book: Awaited<ReturnType<typeof priceBook>>;
  try {
    book = await priceBook();
  } catch (error) {
    console.error("[promptly] could not read model prices; logging costs as unknown:", (error as Error).message);
    return rows;
  }
  return rows.map((row) => (row.costUsd !== undefined ? row : { ...row, costUsd: costUsd(priceFor(book, row.provider, row.model), row) }));
}

/** Stores rows and answers those stored: one unstorable row is lost alone, not its batch. */
async function storeRows(rows: CompletionLogRow[]): Promise<CompletionLogRow[]> {
  try {
    // SQLite: rows and lastUsedAt in one synchronous transaction (sqlite-batch.ts says why).
    const sqlite = sqliteBatchWriter();
    if (sqlite) sqlite(rows);
    else await db.completionLog.createMany({ data: rows });
    return rows;
  } catch (error) {
    // Say, a provider answer Prisma can't encode: the others are written one by one.
    if (rows.length === 1) {
      console.error("[promptly] could not write a completion log row:", (error as Error).message);
      return [];
    }
    const stored: CompletionLogRow[] = [];
    for (const row of rows) stored.push(...(await storeRows([row])));
    return stored;
  }
}

/** What follows stored rows: their analytics rollups, feedback counted, prompts' lastUsedAt. */
async function afterStored(rows: CompletionLogRow[]): Promise<void> {
  if (rows.length === 0) return;
  // Hourly analytics rollups of exactly the rows stored (lib/analytics/rollup.ts).
  await rollUpWrittenLogs(rows);
  // Feedback that came before these rows is counted now that they exist.
  await rollUpFeedback(rows.map((row) => row.traceId));
  if (sqliteBatchWriter()) return;
  const used = [...new Set(rows.map((row) => row.promptId).filter((id): id is string => Boolean(id)))];
  if (used.length === 0) return;
  try {
    // Raw SQL: an ORM update would also bump updatedAt, and "last updated" means edited.
    await db.$executeRaw`UPDATE "prompt" SET "lastUsedAt" = ${new Date()} WHERE "id" IN (${Prisma.join(used)})`;
  } catch (error) {
    console.error("[promptly] could not update prompts' lastUsedAt:", (error as Error).message);
  }
}

// One writer per process, kept across dev hot reloads and shared by the fast routes' copy.
export const logWriter: LogWriter = runtimeSlot(LOG_WRITER_SLOT, () => new LogWriter());

// Each worker of this server (PROMPTLY_WORKERS) queues its own rows and holds its own rollups.
onBroadcast("flush-logs", () => logWriter.flush());

/**
 * Writes the rows queued so far and their rollups, in this process and in the other workers
 * of this server: a read after it counts every call answered before it began.
 */
export async function flushLogsEverywhere(): Promise<void> {
  await Promise.all([logWriter.flush(), broadcast("flush-logs")]);
}
