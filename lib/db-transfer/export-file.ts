import fs from "node:fs";
import readline from "node:readline";
import { once } from "node:events";
import { TRANSFER_ORDER, type ModelName, type Row } from "./models";
import { TransferError, type Batches, type Counts } from "./transfer";

/**
 * The export file: JSON lines, so that any size streams in and out and stays readable.
 *   {"format":"promptly-export","version":1,...}   header
 *   {"model":"Prompt","row":{...}}                   one line per row, dates as ISO text
 *   {"end":true,"counts":{"Prompt":12,...}}          trailer: a file without it is truncated
 * Database-neutral: what SQLite exported, PostgreSQL imports, and the other way round.
 */
export const EXPORT_FORMAT = "promptly-export";
export const EXPORT_VERSION = 1;
const BATCH = 500;

export async function writeExportFile(file: string, batches: Batches, meta: Record<string, unknown> = {}): Promise<Counts> {
  const counts = Object.fromEntries(TRANSFER_ORDER.map((model) => [model, 0])) as Counts;
  const out = fs.createWriteStream(file, { mode: 0o600 }); // it holds password hashes and sessions
  const write = async (value: unknown) => {
    if (!out.write(JSON.stringify(value) + "\n")) await once(out, "drain");
  };
  try {
    await write({ format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: new Date().toISOString(), ...meta });
    for await (const { model, rows } of batches) {
      for (const row of rows) await write({ model, row });
      counts[model] += rows.length;
    }
    await write({ end: true, counts });
  } finally {
    out.end();
    await once(out, "close");
  }
  return counts;
}

/**
 * The counts the file's trailer promises, read from its end before anything is imported:
 * a truncated file is refused before it half-fills a database.
 */
export function readTrailer(file: string): Counts {
  const size = fs.statSync(file).size;
  const length = Math.min(size, 64 * 1024);
  const buffer = Buffer.alloc(length);
  const fd = fs.openSync(file, "r");
  try {
    fs.readSync(fd, buffer, 0, length, size - length);
  } finally {
    fs.closeSync(fd);
  }
  const last = buffer.toString("utf8").trimEnd().split("\n").at(-1) ?? "";
  try {
    const entry = JSON.parse(last) as { end?: boolean; counts?: Counts };
    if (entry.end && entry.counts) return entry.counts;
  } catch {
    // not JSON: a line cut short
  }
  throw new TransferError(`${file} ends without its trailer: the export is incomplete`);
}

/** Reads an export file as batches; `trailer()` gives the counts it promises once read. */
export function readExportFile(file: string): { batches: Batches; trailer: () => Counts } {
  let promised: Counts | null = null;
  async function* batches() {
    const lines = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
    let header = false;
    let pending: { model: ModelName; rows: Row[] } | null = null;
    for await (const line of lines) {
      if (!line.trim()) continue;
      const entry = JSON.parse(line) as { format?: string; version?: number; model?: ModelName; row?: Row; end?: boolean; counts?: Counts };
      if (!header) {
        if (entry.format !== EXPORT_FORMAT || entry.version !== EXPORT_VERSION) {
          throw new TransferError(`${file} is not a Promptly export (version ${EXPORT_VERSION})`);
        }
        header = true;
      } else if (entry.end) {
        promised = entry.counts ?? null;
      } else if (entry.model && entry.row && (TRANSFER_ORDER as readonly string[]).includes(entry.model)) {
        if (pending && (pending.model !== entry.model || pending.rows.length >= BATCH)) {
          yield pending;
          pending = null;
        }
        pending ??= { model: entry.model, rows: [] };
        pending.rows.push(entry.row);
      } else {
        throw new TransferError(`${file}: unexpected line ${line.slice(0, 80)}`);
      }
    }
    if (pending) yield pending;
    if (!promised) throw new TransferError(`${file} ends without its trailer: the export is incomplete`);
  }
  return {
    batches: batches(),
    trailer: () => {
      if (!promised) throw new TransferError(`${file} has not been read to its end`);
      return promised;
    },
  };
}
