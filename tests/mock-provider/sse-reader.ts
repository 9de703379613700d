import { type ChunkSource, toWebStream } from "@/lib/core/http/chunk-source";
import { readSse } from "@/lib/core/sse/read-sse";

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
  body: ReadableStream<Uint8Array> | ChunkSource,
  onEvent?: (event: ReceivedEvent) => void,
): Promise<ReceivedEvent[]> {
  const events: ReceivedEvent[] = [];
  for await (const { event, data } of readSse(toWebStream(body))) {
    const received = { event, data, at: performance.now() };
    events.push(received);
    onEvent?.(received);
  }
  return events;
}

/** Loosely typed on purpose: tests dig into chunk fields directly. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JsonChunk = Record<string, any>;

/** The JSON chunks of an OpenAI stream, without the `[DONE]` marker. */
export function jsonChunks(events: ReceivedEvent[]): JsonChunk[] {
  return events.filter((e) => e.data !== "[DONE]").map((e) => JSON.parse(e.data) as JsonChunk);
}
