import { db } from "@/lib/core/db";
import { csvLine } from "./csv";
import { datasetOr404, versionOf, versionWhere } from "./datasets";
import type { ExportQuery } from "./schemas";
import { textStream } from "@/lib/core/http/text-stream";

const PAGE = 500;

/**
 * A version of a dataset as CSV or JSON Lines, streamed page by page. JSON Lines: one item
 * per line (`id`, `variables`, `expected`, `metadata`), what a JSON Lines import reads back.
 * CSV: a column per variable, `expected`, and `metadata.KEY` columns, what a CSV import reads
 * back by default; values that are not strings are written as JSON.
 */
export async function exportDataset(id: string, query: ExportQuery): Promise<Response> {
  const dataset = await datasetOr404(id);
  const version = versionOf(dataset, query.version);
  const where = versionWhere(dataset.id, version);
  const pages = async function* () {
    for (let after = -1; ; ) {
      const rows = await db.datasetItem.findMany({
        where: { AND: [where, { position: { gt: after } }] },
        orderBy: { position: "asc" },
        take: PAGE,
        select: { itemId: true, variables: true, expected: true, metadata: true, position: true },
      });
      if (rows.length === 0) return;
      yield rows;
      after = rows[rows.length - 1].position;
      if (rows.length < PAGE) return;
    }
  };
  let lines: AsyncGenerator<string>;
  if (query.format === "jsonl") {
    lines = (async function* () {
      for await (const rows of pages()) {
        yield rows.map((row) => JSON.stringify({ id: row.itemId, variables: row.variables, expected: row.expected ?? null, metadata: row.metadata ?? null }) + "\n").join("");
      }
    })();
  } else {
    // The header needs every variable and metadata key first: one pass over the keys.
    const variableKeys = new Set<string>();
    const metadataKeys = new Set<string>();
    for await (const rows of pages()) {
      for (const row of rows) {
        for (const key of Object.keys((row.variables ?? {}) as object)) variableKeys.add(key);
        for (const key of Object.keys((row.metadata ?? {}) as object)) metadataKeys.add(key);
      }
    }
    lines = (async function* () {
      yield csvLine([...variableKeys, "expected", ...[...metadataKeys].map((key) => `metadata.${key}`)]);
      for await (const rows of pages()) {
        yield rows
          .map((row) => {
            const variables = (row.variables ?? {}) as Record<string, unknown>;
            const metadata = (row.metadata ?? {}) as Record<string, unknown>;
            return csvLine([...[...variableKeys].map((key) => cell(variables[key])), cell(row.expected), ...[...metadataKeys].map((key) => cell(metadata[key]))]);
          })
          .join("");
      }
    })();
  }
  const body = textStream(lines);
  const extension = query.format === "csv" ? "csv" : "jsonl";
  return new Response(body, {
    headers: {
      "content-type": query.format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
      "content-disposition": `attachment; filename="dataset-${dataset.id}-v${version}.${extension}"`,
    },
  });
}

function cell(value: unknown): string {
  if (value === undefined || value === null) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}
