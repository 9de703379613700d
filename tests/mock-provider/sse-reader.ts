/**
 * Reads an SSE byte stream event by event, noting when each arrived. For tests that must
 * prove tokens flow as produced (not buffered), here and against the gateway end to end.
 */
export interface ReceivedEvent {
  event: string | null;
  data: string;
  /** performance.now() when the bytes completing this event were read. */
  at: number;
}

export async function readSseEvents(
  body: ReadableStream<Uint8Array>,
  onEvent?: (event: ReceivedEvent) => void,
): Promise<ReceivedEvent[]> {
  const events: ReceivedEvent[] = [];
  const decoder = new TextDecoder();
  const reader = body.getReader();
  let buffer = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true }).replace(/\r\n/g, "\n");
    let boundary: number;
    while ((boundary = buffer.indexOf("\n\n")) !== -1) {
      const block = buffer.slice(0, boundary);
      buffer = buffer.slice(boundary + 2);
      const parsed = parseBlock(block, performance.now());
      if (parsed) {
        events.push(parsed);
        onEvent?.(parsed);
      }
    }
  }
  return events;
}

function parseBlock(block: string, at: number): ReceivedEvent | null {
  let event: string | null = null;
  const data: string[] = [];
  for (const line of block.split("\n")) {
    if (line.startsWith("event:")) event = line.slice(6).trim();
    else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
  }
  return data.length > 0 || event ? { event, data: data.join("\n"), at } : null;
}

/** Loosely typed on purpose: tests dig into chunk fields directly. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JsonChunk = Record<string, any>;

/** The JSON chunks of an OpenAI stream, without the `[DONE]` marker. */
export function jsonChunks(events: ReceivedEvent[]): JsonChunk[] {
  return events.filter((e) => e.data !== "[DONE]").map((e) => JSON.parse(e.data) as JsonChunk);
}
