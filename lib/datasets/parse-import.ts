import { ApiError, badRequest } from "@/lib/core/http/errors";
import { describeLimit, limitValue, MAX_IMPORT_ROWS } from "@/lib/core/limits/content-limits";
import { CsvParser, CsvSyntaxError, type CsvRecord } from "./csv";
import { LineSplitter, LineTooLongError } from "./lines";
import { csvItemMapper, MappingError } from "./mapping";
import { datasetItemInputSchema, type ColumnMapping, type DatasetItemInput } from "./schemas";

export type ImportFormat = "csv" | "jsonl";

export interface ParsedItem {
  line: number;
  item: DatasetItemInput;
}

// One record or line: generous for a test case, small enough that memory stays flat.
const MAX_RECORD_CHARS = 1_048_576;

/** The 400 of a bad import: the message names the line; so does `param` ("line 7"). */
export function badImportLine(message: string): ApiError {
  const line = /^line (\d+):/.exec(message)?.[1];
  return badRequest(message, line ? `line ${line}` : null, "invalid_import");
}

export function tooManyRows(max = limitValue(MAX_IMPORT_ROWS)): ApiError {
  return new ApiError(413, `The import has more than ${describeLimit(MAX_IMPORT_ROWS, max)}`, "invalid_request_error", "import_too_large");
}

/**
 * The items of a CSV or JSON Lines text arriving in pieces, validated one by one, as they
 * come: nothing is held but the record being read. The first problem throws a 400 naming
 * its line; more than PROMPTLY_MAX_IMPORT_ROWS items a 413.
 */
export async function* parseImport(source: AsyncIterable<string>, format: ImportFormat, mapping?: ColumnMapping): AsyncGenerator<ParsedItem> {
  const maxRows = limitValue(MAX_IMPORT_ROWS);
  let count = 0;
  const counted = (parsed: ParsedItem) => {
    if (++count > maxRows) throw tooManyRows(maxRows);
    return parsed;
  };
  try {
    if (format === "csv") {
      for await (const parsed of csvItems(source, mapping)) yield counted(parsed);
    } else {
      if (mapping && Object.keys(mapping).length > 0) throw badRequest("`mapping` applies to CSV imports only", "mapping");
      for await (const parsed of jsonlItems(source)) yield counted(parsed);
    }
  } catch (error) {
    if (error instanceof CsvSyntaxError || error instanceof MappingError || error instanceof LineTooLongError) throw badImportLine(error.message);
    throw error;
  }
}

async function* csvItems(source: AsyncIterable<string>, mapping?: ColumnMapping): AsyncGenerator<ParsedItem> {
  const parser = new CsvParser(MAX_RECORD_CHARS);
  let toItem: ((record: CsvRecord) => ParsedItem) | null = null;
  const handle = (record: CsvRecord): ParsedItem | null => {
    if (!toItem) {
      const mapper = csvItemMapper(record, mapping);
      toItem = (row) => ({ line: row.line, item: validated(row.line, mapper(row)) });
      return null;
    }
    return toItem(record);
  };
  for await (const text of source) {
    for (const record of parser.push(text)) {
      const parsed = handle(record);
      if (parsed) yield parsed;
    }
  }
  for (const record of parser.end()) {
    const parsed = handle(record);
    if (parsed) yield parsed;
  }
  if (!toItem) throw badImportLine("line 1: the CSV is empty: it needs a header row");
}

async function* jsonlItems(source: AsyncIterable<string>): AsyncGenerator<ParsedItem> {
  const splitter = new LineSplitter(MAX_RECORD_CHARS);
  const handle = ({ line, text }: { line: number; text: string }): ParsedItem | null => {
    if (text.trim() === "") return null;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw badImportLine(`line ${line}: not valid JSON`);
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) throw badImportLine(`line ${line}: must be a JSON object with variables, expected, metadata`);
    return { line, item: validated(line, value) };
  };
  for await (const text of source) {
    for (const line of splitter.push(text)) {
      const parsed = handle(line);
      if (parsed) yield parsed;
    }
  }
  for (const line of splitter.end()) {
    const parsed = handle(line);
    if (parsed) yield parsed;
  }
}

function validated(line: number, value: unknown): DatasetItemInput {
  const result = datasetItemInputSchema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
  throw badImportLine(`line ${line}: ${where}${issue?.message ?? "invalid item"}`);
}

/** Splits a whole text into pieces, as a stream would deliver it (tests, the preview). */
export async function* textPieces(text: string, size = 65_536): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}
