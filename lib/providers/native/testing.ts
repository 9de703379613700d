import { jsonChunks, readSseEvents, type JsonChunk, type ReceivedEvent } from "@/lib/mock-provider/sse-reader";

/** Test helpers for the native adapters: byte streams from recorded text, and their OpenAI output. */

/** A byte stream delivering `text` in pieces of `size` characters (0: all at once). */
export function streamOf(text: string, size = 0): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const pieces = size > 0 ? Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size)) : [text];
  return new ReadableStream({
    start(controller) {
      for (const piece of pieces) controller.enqueue(encoder.encode(piece));
      controller.close();
    },
  });
}

/** Recorded SSE events as a provider writes them: `event:` line (when named), `data:` line, blank line. */
export function sse(events: Array<{ event?: string; data: unknown }>, newline = "\n"): string {
  return events
    .map(({ event, data }) => `${event ? `event: ${event}${newline}` : ""}data: ${typeof data === "string" ? data : JSON.stringify(data)}${newline}${newline}`)
    .join("");
}

/** Reads a translated stream to the end, or to the error it ends with. */
export async function readTranslated(stream: ReadableStream<Uint8Array>): Promise<{ events: ReceivedEvent[]; chunks: JsonChunk[]; error: Error | null }> {
  const events: ReceivedEvent[] = [];
  let error: Error | null = null;
  try {
    await readSseEvents(stream, (event) => events.push(event));
  } catch (caught) {
    error = caught as Error;
  }
  return { events, chunks: jsonChunks(events), error };
}

/** The tool calls a client would assemble from OpenAI chunk deltas (as the OpenAI SDKs do). */
export function assembleToolCalls(chunks: JsonChunk[], choice = 0): Array<{ id: string; type: string; function: { name: string; arguments: string } }> {
  const calls: Array<{ id: string; type: string; function: { name: string; arguments: string } }> = [];
  for (const chunk of chunks) {
    for (const c of chunk.choices ?? []) {
      if (c.index !== choice) continue;
      for (const delta of c.delta?.tool_calls ?? []) {
        calls[delta.index] ??= { id: "", type: "function", function: { name: "", arguments: "" } };
        const call = calls[delta.index];
        if (delta.id) call.id = delta.id;
        if (delta.function?.name) call.function.name = delta.function.name;
        call.function.arguments += delta.function?.arguments ?? "";
      }
    }
  }
  return calls;
}

/** The text a client would assemble. */
export function assembleText(chunks: JsonChunk[], choice = 0): string {
  return chunks.flatMap((chunk) => chunk.choices ?? []).filter((c) => c.index === choice).map((c) => c.delta?.content ?? "").join("");
}
