/**
 * The one incremental Server-Sent Events parser: the native adapters (Anthropic, Gemini)
 * read a provider's stream with it, the playground reads Promptly's, the tests read both.
 * Plain TypeScript with no server import, so browser and server code can both use it.
 *
 * Bytes arrive in arbitrary pieces: an event, a line, even a UTF-8 character can be split
 * across network chunks, so the parser keeps the unfinished tail between calls. It follows
 * the WHATWG event-stream rules that matter here: `\n`, `\r\n` and `\r` line endings,
 * several `data:` lines joined with `\n`, comment lines (`:`) skipped, one optional space
 * after the colon removed, and an event dispatched on a blank line.
 */
export interface SseEvent {
  /** The `event:` field; null when absent (the spec's default "message"). */
  event: string | null;
  data: string;
  id: string | null;
}

export class SseParser {
  private readonly decoder = new TextDecoder();
  private buffer = "";
  private eventName: string | null = null;
  private dataLines: string[] = [];
  private lastId: string | null = null;
  /** A chunk ended on `\r`: a `\n` starting the next one belongs to the same line ending. */
  private pendingCR = false;

  /** Feeds bytes (or already decoded text); returns the events they complete. */
  push(chunk: Uint8Array | string): SseEvent[] {
    let text = typeof chunk === "string" ? chunk : this.decoder.decode(chunk, { stream: true });
    if (this.pendingCR && text.startsWith("\n")) text = text.slice(1);
    this.pendingCR = false;
    this.buffer += text;
    return this.drainLines();
  }

  /**
   * The stream ended: an event not closed by a blank line is discarded, as the spec says,
   * unless `dispatchUnterminated` (a lenient reader of a stream cut after its last line).
   */
  end(dispatchUnterminated = false): SseEvent[] {
    const tail = this.decoder.decode();
    const events = tail ? this.push(tail) : [];
    if (dispatchUnterminated) {
      if (this.buffer) this.readLine(this.buffer);
      const last = this.dispatch();
      if (last) events.push(last);
    }
    this.buffer = "";
    this.eventName = null;
    this.dataLines = [];
    return events;
  }

  private drainLines(): SseEvent[] {
    const events: SseEvent[] = [];
    let start = 0;
    for (let i = 0; i < this.buffer.length; i++) {
      const char = this.buffer[i];
      if (char !== "\n" && char !== "\r") continue;
      const line = this.buffer.slice(start, i);
      if (char === "\r") {
        if (i + 1 < this.buffer.length) {
          if (this.buffer[i + 1] === "\n") i++;
        } else {
          // Cannot tell yet whether a `\n` follows: remember to swallow it.
          this.pendingCR = true;
        }
      }
      start = i + 1;
      const event = this.readLine(line);
      if (event) events.push(event);
    }
    this.buffer = this.buffer.slice(start);
    return events;
  }

  private readLine(line: string): SseEvent | null {
    if (line === "") return this.dispatch();
    if (line.startsWith(":")) return null;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "data") this.dataLines.push(value);
    else if (field === "event") this.eventName = value;
    else if (field === "id" && !value.includes("\0")) this.lastId = value;
    // `retry` and unknown fields are ignored: a client reconnect policy is not ours to follow.
    return null;
  }

  private dispatch(): SseEvent | null {
    const event = this.eventName;
    const data = this.dataLines;
    this.eventName = null;
    this.dataLines = [];
    // An event without data is not dispatched (spec); providers always send data.
    if (data.length === 0) return null;
    return { event, data: data.join("\n"), id: this.lastId };
  }
}
