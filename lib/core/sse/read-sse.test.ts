import { describe, expect, it } from "vitest";
import { readSse } from "./read-sse";

function streamOf(pieces: (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const piece of pieces) controller.enqueue(typeof piece === "string" ? encoder.encode(piece) : piece);
      controller.close();
    },
  });
}

async function collect(stream: ReadableStream<Uint8Array>) {
  const events = [];
  for await (const event of readSse(stream, { dispatchUnterminated: true })) events.push(event);
  return events;
}

describe("readSse", () => {
  it("frames events split anywhere, joins data lines, skips comments and names events", async () => {
    const events = await collect(streamOf(['data: {"a"', ':1}\n\n: keep-alive\n\nevent: error\ndata: {"message":', '"boom"}\r\n\r\ndata: x\ndata: y\n\ndata: [DONE]\n\n']));
    expect(events).toEqual([
      { event: null, data: '{"a":1}', id: null },
      { event: "error", data: '{"message":"boom"}', id: null },
      { event: null, data: "x\ny", id: null },
      { event: null, data: "[DONE]", id: null },
    ]);
  });

  it("decodes a UTF-8 character split across chunks, and a last event without a blank line", async () => {
    const bytes = new TextEncoder().encode("data: café 🎉");
    const events = await collect(streamOf([bytes.slice(0, 9), bytes.slice(9, 14), bytes.slice(14)]));
    expect(events).toEqual([{ event: null, data: "café 🎉", id: null }]);
  });
});

describe("readSse, strict", () => {
  it("drops a last event the stream did not close, as the spec says", async () => {
    const events = [];
    for await (const event of readSse(streamOf(["data: one\n\ndata: cut"]))) events.push(event);
    expect(events).toEqual([{ event: null, data: "one", id: null }]);
  });
});
