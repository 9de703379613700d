import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { once } from "node:events";
import { badRequest } from "@/lib/core/http/errors";
import { changeDataset, plural } from "./change";
import { datasetOr404 } from "./datasets";
import { parseImport, type ImportFormat } from "./parse-import";
import type { ColumnMapping, DatasetItemInput } from "./schemas";

/** Rows per INSERT: well under SQLite's bound-parameter limit (6 columns each). */
const BATCH = 500;

/**
 * A CSV or JSON Lines import, all or nothing, with memory flat whatever its size:
 *  1. the body is parsed and validated as it arrives; each valid item is written to a
 *     temporary file (one JSON line each), nothing kept in memory; the first bad line
 *     stops everything with a 400 naming it, before the database is touched;
 *  2. the file is read back in batches of inserts inside one transaction, one new version.
 * The upload's pace (a slow client) thus never holds a transaction open.
 */
export async function importItems(id: string, source: AsyncIterable<string>, format: ImportFormat, mapping: ColumnMapping | undefined, createdById: string | null) {
  const dataset = await datasetOr404(id);
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), "promptly-import-"));
  const file = path.join(dir, "items.jsonl");
  try {
    const count = await spool(parseImport(source, format, mapping), file);
    if (count === 0) throw badRequest("The import holds no items", null, "invalid_import");
    const result = await changeDataset(
      dataset.id,
      createdById,
      async (change) => {
        let batch: DatasetItemInput[] = [];
        for await (const line of readline.createInterface({ input: fs.createReadStream(file, "utf8"), crlfDelay: Infinity })) {
          batch.push(JSON.parse(line) as DatasetItemInput);
          if (batch.length >= BATCH) {
            await change.add(batch);
            batch = [];
          }
        }
        await change.add(batch);
      },
      ({ added }) => `import ${plural(added, "item")} (${format === "csv" ? "CSV" : "JSON Lines"})`,
    );
    return { version: result.version, item_count: result.itemCount, added: count };
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
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
