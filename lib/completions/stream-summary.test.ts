import v8 from "node:v8";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { LOGGED_CONTENT_CHARS, SseTally, summarizeSse } from "./stream-summary";

const encoder = new TextEncoder();
const event = (data: unknown) => `data: ${JSON.stringify(data)}\n\n`;
const token = (content: string) => event({ object: "chat.completion.chunk", choices: [{ index: 0, delta: { content }, finish_reason: null }] });

describe("SseTally", () => {
  it("holds a long stream's text flat, not as one rope node per token", () => {
    v8.setFlagsFromString("--expose-gc");
    const gc = vm.runInNewContext("gc") as () => void;
    const bytes = encoder.encode(Array.from({ length: 100_000 }, (_, i) => token(`w${i % 10} `)).join(""));
    let tally: SseTally | null = new SseTally();
    for (let at = 0; at < bytes.length; at += 4096) tally.push(bytes.subarray(at, at + 4096));
    gc();
    const held = process.memoryUsage().heapUsed;
    tally = null;
    gc();
    // 300 kB of text: one `+=` per token made a rope of 3.2 MB; flat, about 0.35 MB.
    expect(held - process.memoryUsage().heapUsed).toBeLessThan(1_500_000);
  });

  it("keeps a bounded number of bytes however long the stream, and sums it up as the whole would", () => {
    const parts = [event({ choices: [{ index: 0, delta: { role: "assistant", content: "" } }] })];
    for (let i = 0; i < 20_000; i++) parts.push(token(`t${i} é `));
    parts.push(event({ choices: [{ index: 0, delta: {}, finish_reason: "stop" }] }), event({ choices: [], usage: { prompt_tokens: 3, completion_tokens: 20_000, total_tokens: 20_003 } }), "data: [DONE]\n\n");
    // Network pieces cut anywhere: inside events, lines and UTF-8 characters.
    const bytes = encoder.encode(parts.join(""));
    const chunks: Uint8Array[] = [];
    for (let at = 0; at < bytes.length; at += 97) chunks.push(bytes.subarray(at, at + 97));

    const tally = new SseTally();
    let mostRetained = 0;
    for (const chunk of chunks) {
      tally.push(chunk);
      mostRetained = Math.max(mostRetained, tally.retainedBytes);
    }
    expect(bytes.length).toBeGreaterThan(1_000_000);
    expect(mostRetained).toBeLessThan(8 * 1024);
    const summary = tally.summary();
    expect(summary).toEqual(summarizeSse(chunks));
    expect(summary.content.startsWith("t0 é t1 é ")).toBe(true);
    expect(summary.content.endsWith("t19999 é ")).toBe(true);
    expect(summary.finishReason).toBe("stop");
    expect(summary.usage?.completion_tokens).toBe(20_000);
  });

  it("reads a last event the stream did not end with a newline", () => {
    const tally = new SseTally();
    tally.push(encoder.encode(token("a") + `data: ${JSON.stringify({ choices: [{ delta: { content: "b" }, finish_reason: "stop" }] })}`));
    expect(tally.summary()).toMatchObject({ content: "ab", finishReason: "stop" });
  });

  it("keeps the start of an answer too long for a log row, and says it was cut", () => {
    const tally = new SseTally();
    const piece = encoder.encode(token("x".repeat(16 * 1024)));
    for (let i = 0; i < 100; i++) tally.push(piece);
    const summary = tally.summary();
    expect(summary.content.length).toBe(LOGGED_CONTENT_CHARS);
    expect(summary.truncated).toBe(true);
  });
});
