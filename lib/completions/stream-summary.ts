export interface StreamSummary {
  content: string;
  /** The text went past what a log row keeps (LOGGED_CONTENT_CHARS): `content` is its start. */
  truncated?: boolean;
  finishReason: string | null;
  usage: { prompt_tokens?: number; completion_tokens?: number; total_tokens?: number; prompt_tokens_details?: { cached_tokens?: number } } | null;
  toolCalls: number;
}

type StreamEvent = {
  choices?: { delta?: { content?: string | null; tool_calls?: unknown[] }; text?: string; finish_reason?: string | null }[];
  usage?: StreamSummary["usage"];
};

/**
 * The most of a streamed answer's text a log row keeps. A provider may stream up to
 * PROMPTLY_MAX_UPSTREAM_STREAM_BYTES (64 MB); the row, its JSON and its search text built
 * from all of it at once exhausted the server's capped heap.
 */
export const LOGGED_CONTENT_CHARS = 1_000_000;

/**
 * Past this many unread bytes a stream's chunks are folded into its running summary. Each
 * chunk held is a Buffer of its own (a few hundred bytes of object for ~100 of token): with
 * 2,000 live streams, 16 KB held ~40 MB more than 4 KB does, for no CPU saved.
 */
const FOLD_BYTES = 4 * 1024;

/**
 * What a relayed OpenAI SSE stream's log row needs (assembled text, finish reason, usage),
 * kept as the stream goes by. A short stream's chunks are only stored, and read once after
 * the client has them all (in the log batch, never on the forwarding path); a long one's are
 * folded into the summary every 4 KB, so a stream holds a bounded number of bytes (not the
 * network buffers of every chunk it relayed) whether it lasts a second or half an hour.
 */
export class SseTally {
  private chunks: Uint8Array[] = [];
  private unread = 0;
  private readonly decoder = new TextDecoder();
  /** The last line, not finished yet when the chunks were last folded. */
  private tail = "";
  private readonly result: StreamSummary = { content: "", finishReason: null, usage: null, toolCalls: 0 };
  /** This fold's text, joined into `result.content` at its end. */
  private pieces: string[] = [];
  private contentLength = 0;

  push(chunk: Uint8Array): void {
    this.chunks.push(chunk);
    this.unread += chunk.byteLength;
    if (this.unread > FOLD_BYTES) this.fold(false);
  }

  /** Bytes held: chunks not read yet and the unfinished line. */
  get retainedBytes(): number {
    return this.unread + this.tail.length;
  }

  /** The summary of everything pushed; the stream has ended. */
  summary(): StreamSummary {
    this.fold(true);
    return this.result;
  }

  private fold(last: boolean): void {
    const chunks = this.chunks;
    this.chunks = [];
    this.unread = 0;
    let text = this.tail;
    for (const chunk of chunks) text += this.decoder.decode(chunk, { stream: true });
    if (last) text += this.decoder.decode();
    const lines = text.split("\n");
    this.tail = last ? "" : lines.pop()!;
    for (const line of lines) this.read(line);
    // Appended once per fold, joined: `+=` per token made the text a rope of 32-byte nodes,
    // one per token, which a few thousand long streams at once took to the heap limit.
    if (this.pieces.length > 0) {
      this.result.content += this.pieces.join("");
      this.pieces = [];
    }
  }

  private read(line: string): void {
    if (!line.startsWith("data:")) return;
    const data = line.slice(5).trim();
    if (!data || data === "[DONE]") return;
    let event: StreamEvent;
    try {
      event = JSON.parse(data);
    } catch {
      return;
    }
    for (const choice of event.choices ?? []) {
      this.addText(choice.delta?.content ?? choice.text ?? "");
      if (choice.delta?.tool_calls) this.result.toolCalls += 1;
      if (choice.finish_reason) this.result.finishReason = choice.finish_reason;
    }
    if (event.usage) this.result.usage = event.usage;
  }

  private addText(text: string): void {
    if (!text || this.result.truncated) return;
    const room = LOGGED_CONTENT_CHARS - this.contentLength;
    if (text.length <= room) {
      this.pieces.push(text);
      this.contentLength += text.length;
    } else {
      this.pieces.push(text.slice(0, room));
      this.contentLength = LOGGED_CONTENT_CHARS;
      this.result.truncated = true;
    }
  }
}

/** Reads a finished OpenAI SSE stream at once (SseTally, for chunks already collected). */
export function summarizeSse(chunks: Uint8Array[]): StreamSummary {
  const tally = new SseTally();
  for (const chunk of chunks) tally.push(chunk);
  return tally.summary();
}

const chunkDecoder = new TextDecoder();
// A delta or choice with some text in it, or the start of a tool call: the answer has begun.
const OUTPUT = /"(?:content|text|refusal|reasoning_content)":"(?:[^"\\]|\\.)|"tool_calls":\[\{/;

/**
 * True when an SSE chunk carries part of the answer (text, a refusal, reasoning, a tool call)
 * rather than only a role, an empty delta, usage or a keep-alive: what time to first token
 * measures. Read without parsing: only the chunks before the first token are looked at.
 */
export function carriesOutput(chunk: Uint8Array): boolean {
  return OUTPUT.test(chunkDecoder.decode(chunk));
}
