import { recordChange } from "@/lib/audit/record";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/core/db";
import { notFound } from "@/lib/core/http/errors";
import { insertItemRows, STAGED, type Tx } from "./insert-rows";
import type { DatasetItemInput } from "./schemas";

/**
 * Every change of a dataset's items is one transaction that makes one new version:
 *  1. the dataset row's version counter goes up first: that write locks the row (PostgreSQL)
 *     or takes SQLite's write lock, so concurrent changes of one dataset queue up;
 *  2. the change adds rows (addedIn = the new version) and marks rows removed (removedIn);
 *  3. a DatasetVersion row says what changed and how many items the version holds.
 * Rows are never updated otherwise, so every older version stays readable as it was.
 */

export interface ChangeContext {
  tx: Tx;
  datasetId: string;
  version: number;
  /** Adds items at the end of the dataset; returns their item ids. */
  add(items: readonly DatasetItemInput[]): Promise<string[]>;
  /** Adds a new row for an existing item (an edit), keeping its id and position. */
  replace(row: { itemId: string; position: number }, item: DatasetItemInput): Promise<void>;
  /** Publishes the `count` rows an import staged: they join this version. */
  publish(stagedBy: string, count: number): Promise<void>;
  /** Marks the live row of an item removed in this version; null when there is none. */
  remove(itemId: string): Promise<{ itemId: string; position: number; variables: unknown; expected: unknown; metadata: unknown } | null>;
}

export interface ChangeResult<T> {
  version: number;
  itemCount: number;
  value: T;
}

/** Big imports take a while inside their transaction; this only guards against a stuck one. */
const CHANGE_TIMEOUT_MS = 10 * 60_000;

export async function changeDataset<T>(
  datasetId: string,
  createdById: string | null,
  work: (change: ChangeContext) => Promise<T>,
  describe: (counts: { added: number; removed: number; value: T }) => string,
): Promise<ChangeResult<T>> {
  return db.$transaction(
    async (tx) => {
      const touched = await tx.dataset.updateMany({ where: { id: datasetId, deletedAt: null }, data: { currentVersion: { increment: 1 }, updatedAt: new Date() } });
      if (touched.count === 0) throw notFound(`Dataset '${datasetId}' not found`);
      const dataset = await tx.dataset.findUniqueOrThrow({ where: { id: datasetId }, select: { currentVersion: true, nextPosition: true } });
      const version = dataset.currentVersion;
      let nextPosition = dataset.nextPosition;
      let added = 0;
      let removed = 0;
      const context: ChangeContext = {
        tx,
        datasetId,
        version,
        async add(items) {
          const rows = items.map((item) => ({ ...item, itemId: randomUUID(), position: nextPosition++ }));
          await insertItemRows(tx, datasetId, version, rows);
          added += rows.length;
          return rows.map((row) => row.itemId);
        },
        async replace(row, item) {
          await insertItemRows(tx, datasetId, version, [{ ...item, itemId: row.itemId, position: row.position }]);
          added++;
        },
        async publish(stagedBy, count) {
          // Raw SQL: Prisma's updateMany read every matching row first (100,000 ids in memory).
          const published = await tx.$executeRaw`UPDATE "dataset_item" SET "addedIn" = ${version}, "stagedBy" = NULL WHERE "datasetId" = ${datasetId} AND "stagedBy" = ${stagedBy} AND "addedIn" = ${STAGED}`;
          // Fewer than staged: someone cleared them as stale meanwhile; refuse rather than publish half.
          if (published !== count) throw new Error(`staged import ${stagedBy}: ${published} of ${count} rows left`);
          added += count;
        },
        async remove(itemId) {
          const live = await tx.datasetItem.findFirst({ where: { datasetId, itemId, removedIn: null, stagedBy: null } });
          if (!live) return null;
          await tx.datasetItem.update({ where: { id: live.id }, data: { removedIn: version } });
          removed++;
          return live;
        },
      };
      const value = await work(context);
      const previous = await tx.datasetVersion.findUnique({ where: { datasetId_version: { datasetId, version: version - 1 } }, select: { itemCount: true } });
      const itemCount = (previous?.itemCount ?? 0) + added - removed;
      await tx.dataset.update({ where: { id: datasetId }, data: { nextPosition } });
      const description = describe({ added, removed, value });
      await tx.datasetVersion.create({ data: { datasetId, version, description, itemCount, createdById } });
      await recordChange(tx, { action: "dataset.change", target: { type: "dataset", id: datasetId }, before: { version: version - 1, item_count: previous?.itemCount ?? 0 }, after: { version, item_count: itemCount, added, removed, description } });
      return { version, itemCount, value };
    },
    { timeout: CHANGE_TIMEOUT_MS, maxWait: 60_000 },
  );
}

/** "1 item", "120 items". */
export const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
