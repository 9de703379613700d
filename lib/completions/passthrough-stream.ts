import { type ChunkSource, startOnce } from "@/lib/core/http/chunk-source";

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
 * The consumer's backpressure reaches the provider: a slow reader pauses the provider's
 * socket instead of making the server buffer. A client that goes away cancels the stream,
 * which aborts the upstream request; an upstream failure mid-stream becomes an SSE error
 * event. `onEnd` is called once, however the stream ends.
 */
export function passthroughStream(
  upstream: ChunkSource,
  hooks: {
    abortUpstream: () => void;
    /** True once the client went away: an upstream failure then is a cancellation. */
    clientGone?: () => boolean;
    /** Each chunk as it is forwarded (time to first token, the log's tally): keep it cheap. */
    onChunk: (chunk: Uint8Array) => void;
    onEnd: (outcome: StreamOutcome) => void;
  },
): ChunkSource {
  const claim = startOnce();
  let ended = false;
  const end = (outcome: StreamOutcome) => {
    if (ended) return false;
    ended = true;
    hooks.onEnd(outcome);
    return true;
  };

  return {
    start(client) {
      claim();
      upstream.start({
        data(chunk) {
          if (ended) return false;
          hooks.onChunk(chunk);
          return client.data(chunk);
        },
        end() {
          if (end({ status: "success" })) client.end();
        },
        error(error) {
          if (ended) return;
          if (hooks.clientGone?.()) {
            end({ status: "cancelled" });
            return client.end();
          }
          const message = `upstream stream failed: ${(error as Error)?.message || "connection lost"}`;
          end({ status: "error", message });
          client.data(sseErrorEvent(message));
          client.end();
        },
      });
    },
    resume: () => upstream.resume(),
    cancel() {
      end({ status: "cancelled" });
      hooks.abortUpstream();
      upstream.cancel();
    },
  };
}
