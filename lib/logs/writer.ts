import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

export type CompletionLogRow = Prisma.CompletionLogCreateManyInput;

const FLUSH_EVERY_MS = 200;
const MAX_BATCH = 200;
const MAX_PENDING = 10_000;

/**
 * Completion logs are written off the request path: rows queue in memory and are inserted in
 * batches. A failed write is reported to the server log and never reaches a caller; when the
 * database cannot keep up, the oldest queued rows are dropped rather than memory growing.
 */
class LogWriter {
  private pending: CompletionLogRow[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;

  enqueue(row: CompletionLogRow): void {
    this.pending.push(row);
    if (this.pending.length > MAX_PENDING) this.pending.splice(0, this.pending.length - MAX_PENDING);
    if (this.pending.length >= MAX_BATCH) void this.flush();
    else if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), FLUSH_EVERY_MS);
      this.timer.unref?.();
    }
  }

  /** Writes everything queued so far (also used at shutdown and by tests). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.flushing) await this.flushing;
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, MAX_BATCH);
      this.flushing = writeBatch(batch);
      await this.flushing;
      this.flushing = null;
    }
  }
}

async function writeBatch(rows: CompletionLogRow[]): Promise<void> {
  try {
    await db.completionLog.createMany({ data: rows });
    const used = [...new Set(rows.map((row) => row.promptId).filter((id): id is string => Boolean(id)))];
    // Raw SQL: an ORM update would also bump updatedAt, and "last updated" means edited.
    if (used.length > 0) {
      await db.$executeRaw`UPDATE "prompt" SET "lastUsedAt" = ${new Date()} WHERE "id" IN (${Prisma.join(used)})`;
    }
  } catch (error) {
    console.error(`[promptly] could not write ${rows.length} completion log row(s):`, (error as Error).message);
  }
}

// One writer per process, kept across dev hot reloads.
const globalForLogs = globalThis as unknown as { promptlyLogWriter?: LogWriter };
export const logWriter: LogWriter = globalForLogs.promptlyLogWriter ?? (globalForLogs.promptlyLogWriter = new LogWriter());
