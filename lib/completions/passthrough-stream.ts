export type StreamOutcome = { status: "success" } | { status: "cancelled" } | { status: "error"; message: string };

const encoder = new TextEncoder();

/**
 * The mid-stream error: an SSE `error` event, after which the stream ends. Each client reads
 * a different field: openai (Node) and openai (Python) raise on a mapping under `error`
 * (taking `error.message`), the Portkey SDK on the `error` event's top-level `message`, so
 * the event carries both, like the error envelope does.
 */
export function sseErrorEvent(message: string, code = "upstream_stream_failed"): Uint8Array {
  const body = { message, error: { message, type: "upstream_error", param: null, code } };
  return encoder.encode(`event: error\ndata: ${JSON.stringify(body)}\n\n`);
}

/**
 * Forwards the upstream SSE bytes to the client exactly as they arrive (no parsing, no
 * re-encoding, no buffering), showing each to `onChunk` (which keeps what the log needs).
 * Pull-based: the next upstream read waits until the client's side asked for more, so a
 * slow reader pauses the provider's socket instead of making the server buffer. A client that goes away
 * cancels the stream, which aborts the upstream request; an upstream failure mid-stream
 * becomes an SSE error event.
 */
export function passthroughStream(
  upstream: ReadableStream<Uint8Array>,
  hooks: {
    abortUpstream: () => void;
    /** True once the client went away: an upstream read failing then is a cancellation. */
    clientGone?: () => boolean;
    /** Each chunk as it is forwarded (time to first token, the log's tally): keep it cheap. */
    onChunk: (chunk: Uint8Array) => void;
    onEnd: (outcome: StreamOutcome) => void;
  },
): ReadableStream<Uint8Array> {
  const reader = upstream.getReader();
  let ended = false;
  const end = (outcome: StreamOutcome) => {
    if (ended) return;
    ended = true;
    hooks.onEnd(outcome);
  };

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { done, value } = await reader.read();
          if (done) {
            controller.close();
            end({ status: "success" });
            return;
          }
          hooks.onChunk(value);
          controller.enqueue(value);
        } catch (error) {
          if (ended) return;
          if (hooks.clientGone?.()) {
            end({ status: "cancelled" });
            return;
          }
          const message = `upstream stream failed: ${(error as Error).message || "connection lost"}`;
          try {
            controller.enqueue(sseErrorEvent(message));
            controller.close();
          } catch {
            // The client is already gone.
          }
          end({ status: "error", message });
        }
      },
      cancel() {
        end({ status: "cancelled" });
        hooks.abortUpstream();
        reader.cancel().catch(() => undefined);
      },
    },
    { highWaterMark: 0 },
  );
}
