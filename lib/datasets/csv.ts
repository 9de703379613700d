/**
 * A streaming CSV parser (RFC 4180): quoted fields may hold commas, doubled quotes and line
 * breaks; records end at LF, CRLF or CR; a leading byte order mark is dropped; blank lines
 * are skipped. Text is pushed in pieces of any size and whole records come out, each with
 * the line it starts on, so errors can name it. Browser-safe: the import preview uses it.
 */
export interface CsvRecord {
  /** 1-based line of the record's first character. */
  line: number;
  fields: string[];
}

/** A malformed CSV: `line` is where the problem is. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly problem: string,
  ) {
    super(`line ${line}: ${problem}`);
    this.name = "CsvSyntaxError";
  }
}

type State = "field-start" | "unquoted" | "quoted" | "quote-in-quoted";

export class CsvParser {
  private state: State = "field-start";
  private field = "";
  private fields: string[] = [];
  private recordChars = 0;
  private line = 1;
  private recordLine = 1;
  private quotedRecord = false;
  private lastWasCR = false;
  private started = false;

  /** `maxRecordChars` bounds one record, so that a runaway quote can't fill memory. */
  constructor(private readonly maxRecordChars = 1_048_576) {}

  push(text: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    let i = 0;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) i = 1;
    }
    for (; i < text.length; i++) {
      const c = text[i];
      // Line numbers: CRLF counts once; a lone CR or LF counts one each.
      const newline = c === "\n" || c === "\r";
      const countsLine = c === "\r" || (c === "\n" && !this.lastWasCR);
      this.lastWasCR = c === "\r";
      if (this.state === "quoted") {
        if (c === '"') this.state = "quote-in-quoted";
        else this.append(c);
        if (countsLine) this.line++;
        continue;
      }
      if (this.state === "quote-in-quoted") {
        if (c === '"') {
          this.append('"');
          this.state = "quoted";
          continue;
        }
        if (c !== "," && !newline) throw new CsvSyntaxError(this.line, "unexpected text after a closing quote (a quote inside a quoted field is written as two quotes)");
      }
      if (c === ",") {
        this.endField();
      } else if (newline) {
        const record = this.endRecord();
        if (record) out.push(record);
        if (countsLine) this.line++;
        this.recordLine = this.line;
      } else if (this.state === "field-start" && c === '"') {
        this.state = "quoted";
        this.quotedRecord = true;
      } else if (c === '"') {
        throw new CsvSyntaxError(this.line, "unexpected quote in an unquoted field (quote the whole field)");
      } else {
        this.state = "unquoted";
        this.append(c);
      }
    }
    return out;
  }

  /** The last record, when the text does not end with a line break. */
  end(): CsvRecord[] {
    if (this.state === "quoted") throw new CsvSyntaxError(this.recordLine, "unterminated quoted field");
    const record = this.endRecord();
    return record ? [record] : [];
  }

  private append(c: string) {
    if (++this.recordChars > this.maxRecordChars) {
      throw new CsvSyntaxError(this.recordLine, `record is longer than ${this.maxRecordChars} characters`);
    }
    this.field += c;
  }

  private endField() {
    this.fields.push(this.field);
    this.field = "";
    this.state = "field-start";
  }

  private endRecord(): CsvRecord | null {
    const blank = this.fields.length === 0 && this.field === "" && !this.quotedRecord;
    this.endField();
    const record = { line: this.recordLine, fields: this.fields };
    this.fields = [];
    this.recordChars = 0;
    this.quotedRecord = false;
    return blank ? null : record;
  }
}

/** Every record of a whole text (the preview, tests). */
export function parseCsv(text: string): CsvRecord[] {
  const parser = new CsvParser();
  return [...parser.push(text), ...parser.end()];
}

/** One CSV field: quoted when it holds a comma, quote or line break, or leading/trailing space. */
export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export const csvLine = (values: string[]) => values.map(csvField).join(",") + "\r\n";
