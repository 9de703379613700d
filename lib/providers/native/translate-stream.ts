import { SseParser, type SseEvent } from "@/lib/core/sse/parse-sse";

/** What a native adapter plugs into translateStream: provider events in, OpenAI SSE frames out. */
export interface StreamTranslator {
  /** One provider event → zero or more OpenAI frames; throws UpstreamStreamError on an error event. */
  onEvent(event: SseEvent): string[];
  /** The provider closed the stream: the closing frames (finish, usage, [DONE]); throws if it ended early. */
  onEnd(): string[];
}

const encoder = new TextEncoder();

/**
 * Re-encodes a provider's SSE stream as OpenAI's, one upstream read at a time: each pull
 * reads until at least one frame is ready and hands it on, so tokens flow as they arrive
 * (nothing is buffered beyond an event split across network chunks).
 *
 * A failure (an upstream `error` event, a stream cut short, a broken connection) errors this
 * stream; the engine's passthrough turns that into the documented `event: error` and ends.
 * Frames translated before the failure are delivered first: ReadableStream.error() would
 * discard queued chunks, so the error waits for the next pull.
 */
export function translateStream(upstream: ReadableStream<Uint8Array>, translator: StreamTranslator, describe: (error: unknown) => string): ReadableStream<Uint8Array> {
  const reader = upstream.getReader();
  const parser = new SseParser();
  let pendingError: Error | null = null;

  const fail = (controller: ReadableStreamDefaultController<Uint8Array>, error: Error) => {
    controller.error(error);
    reader.cancel().catch(() => undefined);
  };

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (pendingError) return fail(controller, pendingError);
        for (;;) {
          let done: boolean;
          let value: Uint8Array | undefined;
          try {
            ({ done, value } = await reader.read());
          } catch (error) {
            return fail(controller, new Error(describe(error)));
          }
          const frames: string[] = [];
          try {
            for (const event of done ? parser.end() : parser.push(value as Uint8Array)) frames.push(...translator.onEvent(event));
            if (done) frames.push(...translator.onEnd());
          } catch (error) {
            pendingError = error instanceof Error ? error : new Error(String(error));
          }
          for (const frame of frames) controller.enqueue(encoder.encode(frame));
          if (pendingError) {
            if (frames.length === 0) fail(controller, pendingError);
            return;
          }
          if (done) return controller.close();
          if (frames.length > 0) return;
        }
      },
      cancel(reason) {
        // The client left: stop reading upstream (the engine also aborts the fetch, so the
        // cancel itself may reject with that abort, which is no news to anyone).
        return reader.cancel(reason).catch(() => undefined);
      },
    },
    { highWaterMark: 0 },
  );
}
