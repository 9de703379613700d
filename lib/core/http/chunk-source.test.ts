import { describe, expect, it, vi } from "vitest";
import { type ChunkHandlers, type ChunkSource, chunkSourceOf, chunksOfWebStream, isChunkSource, startOnce, toWebStream, webStreamOfChunks, withChunkSource } from "./chunk-source";

const bytes = (text: string) => new TextEncoder().encode(text);

/** A source the test drives by hand: what it was asked, and the handlers to push through. */
function manualSource() {
  const claim = startOnce();
  const state = { handlers: undefined as ChunkHandlers | undefined, resumes: 0, cancels: 0 };
  const source: ChunkSource = {
    start(handlers) {
      claim();
      state.handlers = handlers;
    },
    resume: () => void state.resumes++,
    cancel: () => void state.cancels++,
  };
  return { source, state };
}

describe("webStreamOfChunks", () => {
  it("starts the source at the first read only, and asks to pause after each chunk nobody reads yet", async () => {
    const { source, state } = manualSource();
    const stream = webStreamOfChunks(source);
    await Promise.resolve();
    expect(state.handlers).toBeUndefined();
    const reader = stream.getReader();
    const first = reader.read();
    expect(state.handlers).toBeDefined();
    // The pending read takes this chunk; with no read after it the source must pause.
    expect(state.handlers!.data(bytes("a"))).toBe(false);
    expect(new TextDecoder().decode((await first).value)).toBe("a");
    const second = reader.read();
    expect(state.resumes).toBe(1);
    state.handlers!.data(bytes("b"));
    state.handlers!.end();
    expect(new TextDecoder().decode((await second).value)).toBe("b");
    expect((await reader.read()).done).toBe(true);
  });

  it("cancels the source when the reader cancels, even before reading", async () => {
    const { source, state } = manualSource();
    await webStreamOfChunks(source).cancel();
    expect(state.cancels).toBe(1);
  });

  it("errors the stream with the source's error", async () => {
    const { source, state } = manualSource();
    const reader = webStreamOfChunks(source).getReader();
    const read = reader.read();
    await vi.waitFor(() => expect(state.handlers).toBeDefined());
    state.handlers!.error(new Error("gone"));
    await expect(read).rejects.toThrow("gone");
  });
});

describe("chunksOfWebStream", () => {
  it("reads no further while the consumer is paused, and goes on at resume", async () => {
    let pulls = 0;
    const stream = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulls++;
          controller.enqueue(bytes(String(pulls)));
          if (pulls === 3) controller.close();
        },
      },
      { highWaterMark: 0 },
    );
    const source = chunksOfWebStream(stream);
    const seen: string[] = [];
    const ended = vi.fn();
    source.start({ data: (chunk) => (seen.push(new TextDecoder().decode(chunk)), false), end: ended, error: vi.fn() });
    await vi.waitFor(() => expect(seen).toEqual(["1"]));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen).toEqual(["1"]);
    source.resume();
    await vi.waitFor(() => expect(seen).toEqual(["1", "2"]));
    source.resume();
    await vi.waitFor(() => expect(seen).toEqual(["1", "2", "3"]));
    expect(ended).not.toHaveBeenCalled();
    source.resume();
    await vi.waitFor(() => expect(ended).toHaveBeenCalledOnce());
  });

  it("has a single consumer, and cancels the stream when cancelled", async () => {
    const cancel = vi.fn();
    const source = chunksOfWebStream(new ReadableStream({ cancel }));
    source.start({ data: () => true, end: vi.fn(), error: vi.fn() });
    expect(() => source.start({ data: () => true, end: vi.fn(), error: vi.fn() })).toThrow(/single consumer/);
    source.cancel();
    await vi.waitFor(() => expect(cancel).toHaveBeenCalled());
  });
});

describe("a Response's chunk source", () => {
  it("rides along with the Response and converts either way", async () => {
    const { source } = manualSource();
    const response = withChunkSource(new Response("x"), source);
    expect(chunkSourceOf(response)).toBe(source);
    expect(chunkSourceOf(new Response("x"))).toBeUndefined();
    expect(isChunkSource(source)).toBe(true);
    const web = new ReadableStream<Uint8Array>();
    expect(isChunkSource(web)).toBe(false);
    expect(toWebStream(web)).toBe(web);
    expect(toWebStream(source)).toBeInstanceOf(ReadableStream);
  });
});
