/**
 * A stream of byte chunks driven by callbacks: the relay's hot path. A web ReadableStream
 * costs a few promises and queue operations per chunk at every layer it passes through;
 * with thousands of long streams (a token every 50 ms each) that was most of the server's
 * CPU. A chunk source hands each chunk straight to its consumer, which says with its return
 * value whether to pause, as node's `write()` does. Sources convert to and from web streams
 * where a web consumer (Next's response path, a translating adapter, a test) needs one.
 */
export interface ChunkHandlers {
  /** One chunk; returning false pauses the source until `resume()`. */
  data(chunk: Uint8Array): boolean;
  /** No more chunks. */
  end(): void;
  /** The source failed; nothing follows. */
  error(error: unknown): void;
}

export interface ChunkSource {
  /** Starts the flow. Once only: a source has a single consumer. */
  start(handlers: ChunkHandlers): void;
  /** Go on after `data` returned false. */
  resume(): void;
  /** The consumer is gone: stop, release what the source holds; no handler is called after. */
  cancel(): void;
}

export function isChunkSource(value: unknown): value is ChunkSource {
  return typeof value === "object" && value !== null && !(value instanceof ReadableStream) && typeof (value as ChunkSource).start === "function";
}

/** Throws on a second start: two consumers would each get half of the chunks. */
export function startOnce(): () => void {
  let started = false;
  return () => {
    if (started) throw new Error("a chunk source has a single consumer");
    started = true;
  };
}

/**
 * The source as a web stream, started by the first read (not before: a consumer that takes
 * the source itself must find it unstarted). Nothing is read ahead of the reader.
 */
export function webStreamOfChunks(source: ChunkSource): ReadableStream<Uint8Array> {
  let started = false;
  let closed = false;
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (started) return source.resume();
        started = true;
        source.start({
          data(chunk) {
            if (closed) return false;
            controller.enqueue(chunk);
            return (controller.desiredSize ?? 0) > 0;
          },
          end() {
            if (closed) return;
            closed = true;
            controller.close();
          },
          error(error) {
            if (closed) return;
            closed = true;
            controller.error(error);
          },
        });
      },
      // Also before the first read: a client gone that early still cancels (and is logged).
      cancel() {
        closed = true;
        source.cancel();
      },
    },
    { highWaterMark: 0 },
  );
}

/** A web stream as a chunk source (a translating adapter's output, a test's body). */
export function chunksOfWebStream(stream: ReadableStream<Uint8Array>): ChunkSource {
  const claim = startOnce();
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  let handlers: ChunkHandlers | undefined;
  let reading = false;
  let paused = false;
  let stopped = false;
  const pump = async () => {
    if (reading || !reader || !handlers) return;
    reading = true;
    try {
      while (!paused && !stopped) {
        const { done, value } = await reader.read();
        if (stopped) return;
        if (done) {
          stopped = true;
          return handlers.end();
        }
        // Paused unless the consumer wants more, or resumed while it took this chunk.
        paused = true;
        if (handlers.data(value)) paused = false;
      }
    } catch (error) {
      if (stopped) return;
      stopped = true;
      handlers.error(error);
    } finally {
      reading = false;
    }
  };
  return {
    start(given) {
      claim();
      handlers = given;
      reader = stream.getReader();
      void pump();
    },
    resume() {
      paused = false;
      void pump();
    },
    cancel() {
      stopped = true;
      (reader ?? stream).cancel().catch(() => undefined);
    },
  };
}

// A symbol from the global registry: the fast routes' bundle has its own copy of this module.
const ATTACHED = Symbol.for("promptly.chunk-source");

/**
 * A streamed Response that also carries its chunk source: the fast routes (server/fast-routes.ts)
 * write the chunks to the socket without the web body, which Next's path reads instead.
 */
export function withChunkSource(response: Response, source: ChunkSource): Response {
  (response as Response & { [ATTACHED]?: ChunkSource })[ATTACHED] = source;
  return response;
}

export function chunkSourceOf(response: Response): ChunkSource | undefined {
  return (response as Response & { [ATTACHED]?: ChunkSource })[ATTACHED];
}

/** Either kind of stream body, as a web stream. */
export function toWebStream(body: ReadableStream<Uint8Array> | ChunkSource): ReadableStream<Uint8Array> {
  return isChunkSource(body) ? webStreamOfChunks(body) : body;
}
