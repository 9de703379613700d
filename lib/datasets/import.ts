import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { once } from "node:events";
import { db } from "@/lib/core/db";
import { badRequest, notFound } from "@/lib/core/http/errors";
import { changeDataset, plural } from "./change";
import { datasetOr404 } from "./datasets";
import { insertItemRows, STAGED } from "./insert-rows";
import { LineSplitter } from "./lines";
import { parseImport, type ImportFormat } from "./parse-import";
import type { ColumnMapping, DatasetItemInput } from "./schemas";

/**
 * One INSERT holds at most 500 rows (well under SQLite's bound-parameter limit, 9 columns
 * each) and about 32 KB of JSON: Prisma keeps its last 100 queries with their values, so
 * the batches' size, not the import's, bounds what stays in memory.
 */
const BATCH_ROWS = 500;
const BATCH_CHARS = 32_768;
/** One spooled item: already validated, each field within PROMPTLY_MAX_VARIABLES_BYTES. */
const MAX_SPOOLED_LINE = 16 * 1_048_576;
/** Staged rows older than this belong to an import that died (a crash): cleared by the next one. */
const STALE_MS = 6 * 3_600_000;

/**
 * A CSV or JSON Lines import, all or nothing, with memory flat and no long transaction:
 *  1. the body is parsed and validated as it arrives; each valid item goes to a temporary
 *     file (one JSON line each), nothing kept in memory; the first bad line stops everything
 *     with a 400 naming it, before the database is touched;
 *  2. the rows are written from the file in batches, staged: tagged with this import and
 *     invisible to every version (a long transaction would hold SQLite's one write lock,
 *     stalling every other write, the log writer's included, for the whole import);
 *  3. one short transaction publishes them as a new version. A failure before that deletes
 *     what was staged; a crash leaves invisible rows that the next import clears.
 */
export async function importItems(id: string, source: AsyncIterable<string>, format: ImportFormat, mapping: ColumnMapping | undefined, createdById: string | null) {
  const dataset = await datasetOr404(id);
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), "promptly-import-"));
  const file = path.join(dir, "items.jsonl");
  const importId = randomUUID();
  try {
    const count = await spool(parseImport(source, format, mapping), file);
    if (count === 0) throw badRequest("The import holds no items", null, "invalid_import");
    await db.datasetItem.deleteMany({ where: { datasetId: dataset.id, addedIn: STAGED, createdAt: { lt: new Date(Date.now() - STALE_MS) } } });
    let position = await reservePositions(dataset.id, count);
    let batch: DatasetItemInput[] = [];
    let batchChars = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      await insertItemRows(db, dataset.id, STAGED, batch.map((item) => ({ ...item, itemId: randomUUID(), position: position++ })), importId);
      batch = [];
      batchChars = 0;
    };
    // Not readline: its async iterator keeps reading while the loop awaits the database, so
    // a slow database would let the whole file pile up in memory. A stream's iterator reads
    // the next chunk only when asked.
    const lines = new LineSplitter(MAX_SPOOLED_LINE);
    for await (const chunk of fs.createReadStream(file, { encoding: "utf8", highWaterMark: 65_536 })) {
      for (const { text } of lines.push(chunk as string)) {
        batch.push(JSON.parse(text) as DatasetItemInput);
        batchChars += text.length;
        if (batch.length >= BATCH_ROWS || batchChars >= BATCH_CHARS) await flush();
      }
    }
    for (const { text } of lines.end()) batch.push(JSON.parse(text) as DatasetItemInput);
    await flush();
    const result = await changeDataset(
      dataset.id,
      createdById,
      (change) => change.publish(importId, count),
      ({ added }) => `import ${plural(added, "item")} (${format === "csv" ? "CSV" : "JSON Lines"})`,
    );
    return { version: result.version, item_count: result.itemCount, added: count };
  } catch (error) {
    await db.datasetItem.deleteMany({ where: { datasetId: dataset.id, stagedBy: importId, addedIn: STAGED } }).catch(() => undefined);
    throw error;
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}

/** Positions for `count` items at the end of the dataset, taken now; returns the first. */
async function reservePositions(datasetId: string, count: number): Promise<number> {
  return db.$transaction(async (tx) => {
    const touched = await tx.dataset.updateMany({ where: { id: datasetId, deletedAt: null }, data: { nextPosition: { increment: count } } });
    if (touched.count === 0) throw notFound(`Dataset '${datasetId}' not found`);
    const { nextPosition } = await tx.dataset.findUniqueOrThrow({ where: { id: datasetId }, select: { nextPosition: true } });
    return nextPosition - count;
  });
}

async function spool(items: AsyncIterable<{ item: DatasetItemInput }>, file: string): Promise<number> {
  const out = fs.createWriteStream(file, { encoding: "utf8" });
  let count = 0;
  try {
    for await (const { item } of items) {
      count++;
      if (!out.write(JSON.stringify(item) + "\n")) await once(out, "drain");
    }
  } finally {
    out.end();
    await once(out, "close");
  }
  return count;
}
