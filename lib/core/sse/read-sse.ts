import { SseParser, type SseEvent } from "./parse-sse";

/**
 * The events of an SSE byte stream, as they complete. `dispatchUnterminated` also yields a
 * last event the stream did not close with a blank line. The reader is released at the end,
 * and when the consumer stops early.
 */
export async function* readSse(body: ReadableStream<Uint8Array>, options: { dispatchUnterminated?: boolean } = {}): AsyncGenerator<SseEvent> {
  const reader = body.getReader();
  const parser = new SseParser();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        yield* parser.end(options.dispatchUnterminated);
        return;
      }
      yield* parser.push(value);
    }
  } finally {
    reader.releaseLock();
  }
}
