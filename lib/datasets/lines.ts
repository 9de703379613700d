/**
 * Splits text pushed in pieces into lines (LF or CRLF), numbered from 1, for JSON Lines
 * imports. `maxLineChars` bounds one line so that a file without line breaks can't fill memory.
 */
export interface NumberedLine {
  line: number;
  text: string;
}

export class LineSplitter {
  private rest = "";
  private line = 0;
  private started = false;

  constructor(private readonly maxLineChars = 1_048_576) {}

  push(text: string): NumberedLine[] {
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const out: NumberedLine[] = [];
    const whole = this.rest + text;
    let start = 0;
    for (let at = whole.indexOf("\n"); at >= 0; at = whole.indexOf("\n", start)) {
      out.push(this.next(whole.slice(start, at)));
      start = at + 1;
    }
    const buffer = whole.slice(start);
    if (buffer.length > this.maxLineChars) throw new LineTooLongError(this.line + 1, this.maxLineChars);
    this.rest = buffer;
    return out;
  }

  end(): NumberedLine[] {
    const last = this.rest;
    this.rest = "";
    return last.length > 0 ? [this.next(last)] : [];
  }

  private next(raw: string): NumberedLine {
    this.line++;
    if (raw.length > this.maxLineChars) throw new LineTooLongError(this.line, this.maxLineChars);
    return { line: this.line, text: raw.endsWith("\r") ? raw.slice(0, -1) : raw };
  }
}

export class LineTooLongError extends Error {
  constructor(
    readonly line: number,
    max: number,
  ) {
    super(`line ${line}: longer than ${max} characters`);
    this.name = "LineTooLongError";
  }
}
