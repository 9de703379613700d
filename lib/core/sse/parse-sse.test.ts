import { describe, expect, it } from "vitest";
import { SseParser } from "./parse-sse";

const encode = (text: string) => new TextEncoder().encode(text);

function parseInPieces(text: string | Uint8Array, size: number) {
  const bytes = typeof text === "string" ? encode(text) : text;
  const parser = new SseParser();
  const events = [];
  for (let i = 0; i < bytes.length; i += size) events.push(...parser.push(bytes.slice(i, i + size)));
  events.push(...parser.end());
  return events;
}

describe("SseParser", () => {
  const stream = 'event: message_start\ndata: {"a":1}\n\n: a comment\nevent: ping\ndata: {}\n\ndata: [DONE]\n\n';

  it("reads named and unnamed events", () => {
    expect(parseInPieces(stream, 1000)).toEqual([
      { event: "message_start", data: '{"a":1}', id: null },
      { event: "ping", data: "{}", id: null },
      { event: null, data: "[DONE]", id: null },
    ]);
  });

  it.each([1, 2, 3, 7])("gives the same events when the bytes arrive %i at a time", (size) => {
    expect(parseInPieces(stream, size)).toEqual(parseInPieces(stream, 1000));
  });

  it.each([
    ["\\r\\n", "\r\n"],
    ["\\r", "\r"],
  ])("accepts %s line endings, even split between chunks", (_name, newline) => {
    const text = stream.replace(/\n/g, newline);
    for (const size of [1, 2, 5, 1000]) expect(parseInPieces(text, size)).toEqual(parseInPieces(stream, 1000));
  });

  it("joins multi-line data with newlines and strips one leading space only", () => {
    expect(parseInPieces("data: line one\ndata:  two\ndata:three\n\n", 4)).toEqual([{ event: null, data: "line one\n two\nthree", id: null }]);
  });

  it("keeps a multi-byte character split across chunks intact", () => {
    const bytes = encode('data: {"text":"héllo 🌍"}\n\n');
    expect(parseInPieces(bytes, 1)[0].data).toBe('{"text":"héllo 🌍"}');
  });

  it("remembers the last id and ignores retry and unknown fields", () => {
    expect(parseInPieces("id: 7\nretry: 100\nfoo: bar\ndata: x\n\n", 3)).toEqual([{ event: null, data: "x", id: "7" }]);
  });

  it("drops events without data and an unterminated last event", () => {
    expect(parseInPieces("event: lonely\n\ndata: unfinished", 4)).toEqual([]);
  });
});
