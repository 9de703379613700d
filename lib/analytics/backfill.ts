import { db } from "@/lib/core/db";
import { collectRollups, ROLLUP_SOURCE_SELECT, upsertRollups } from "./rollup";

const STATE_ID = "completion_log";
const CHUNK = 2000;

/**
 * Rolls up the logs written before rollups existed, once. The first start with rollups
 * records its time as the cutoff (the log writer rolls up everything it writes from then on);
 * older logs are read in (createdAt, id) order, a chunk at a time, each chunk's upserts and
 * the cursor's move in one transaction that only succeeds if the cursor is still where this
 * instance read it: an interrupted backfill resumes where it stopped, and two instances
 * starting together never both count a chunk. Returns the number of logs rolled up.
 */
export async function backfillRollups(): Promise<number> {
  await ensureState();
  let rolled = 0;
  for (;;) {
    const state = await db.analyticsBackfill.findUnique({ where: { id: STATE_ID } });
    if (!state || state.done) return rolled;
    const after =
      state.cursorAt && state.cursorId
        ? [{ OR: [{ createdAt: { gt: state.cursorAt } }, { createdAt: state.cursorAt, id: { gt: state.cursorId } }] }]
        : [];
    const rows = await db.completionLog.findMany({
      where: { AND: [{ createdAt: { lt: state.cutoff } }, ...after] },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: CHUNK,
      select: { id: true, ...ROLLUP_SOURCE_SELECT },
    });
    const last = rows.at(-1);
    const claimed = await db.$transaction(async (tx) => {
      const moved = await tx.analyticsBackfill.updateMany({
        where: { id: STATE_ID, done: false, cursorAt: state.cursorAt, cursorId: state.cursorId },
        data: { cursorAt: last?.createdAt ?? state.cursorAt, cursorId: last?.id ?? state.cursorId, done: rows.length < CHUNK },
      });
      if (moved.count === 0) return false;
      await upsertRollups(collectRollups(rows), tx);
      return true;
    });
    // Another instance moved the cursor first: it carries on.
    if (!claimed) return rolled;
    rolled += rows.length;
  }
}

/** Records the cutoff at the first start: awaited before serving, so no call logged by the writer precedes it. */
export async function ensureState(): Promise<void> {
  if (await db.analyticsBackfill.findUnique({ where: { id: STATE_ID } })) return;
  try {
    await db.analyticsBackfill.create({ data: { id: STATE_ID, cutoff: new Date() } });
  } catch (error) {
    // Another instance made it in the meantime (unique id): theirs stands.
    if ((error as { code?: string }).code !== "P2002") throw error;
  }
}
