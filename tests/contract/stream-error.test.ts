import { Stream as OpenAIStream } from "openai/streaming";
import { Stream as PortkeyStream } from "portkey-ai/dist/src/streaming";
import { describe, expect, it } from "vitest";
import { sseErrorEvent } from "@/lib/completions/passthrough-stream";
import { iteratePythonStream, PythonApiError } from "@/tests/fixtures/openai-python-stream";

/**
 * The error event that ends a stream which failed mid-way must make every client raise, not
 * hand the error on as one more chunk: openai (Node, the real library), openai (Python, a
 * port of its parser) and the Portkey SDK (the real library).
 */
const MESSAGE = "upstream stream failed: Anthropic error: Overloaded (overloaded_error)";
const chunk = { id: "c1", object: "chat.completion.chunk", created: 1, model: "m", choices: [{ index: 0, delta: { content: "Hi" }, finish_reason: null }] };
const streamText = () => `data: ${JSON.stringify(chunk)}\n\n${new TextDecoder().decode(sseErrorEvent(MESSAGE))}`;

function sseResponse(text: string): Response {
  return new Response(text, { headers: { "content-type": "text/event-stream" } });
}

async function drain(iterable: AsyncIterable<unknown>): Promise<{ chunks: unknown[]; error: unknown }> {
  const chunks: unknown[] = [];
  try {
    for await (const item of iterable) chunks.push(item);
  } catch (error) {
    return { chunks, error };
  }
  return { chunks, error: null };
}

describe("the mid-stream error event", () => {
  it("carries the message at the top level and under error, with a type and code", () => {
    const text = new TextDecoder().decode(sseErrorEvent(MESSAGE));
    expect(text.startsWith("event: error\ndata: ")).toBe(true);
    expect(JSON.parse(text.slice("event: error\ndata: ".length))).toEqual({
      message: MESSAGE,
      error: { message: MESSAGE, type: "upstream_error", param: null, code: "upstream_stream_failed" },
    });
  });

  it("makes openai-python raise APIError with the message, after the chunks before it", () => {
    let raised: unknown = null;
    try {
      iteratePythonStream(streamText());
    } catch (error) {
      raised = error;
    }
    expect(raised).toBeInstanceOf(PythonApiError);
    expect((raised as PythonApiError).message).toBe(MESSAGE);
    // The old event ({"message": ...} alone) was handed on as a chunk: the parser must tell them apart.
    expect(iteratePythonStream(`event: error\ndata: ${JSON.stringify({ message: MESSAGE })}\n\n`)).toEqual([{ message: MESSAGE }]);
  });

  it("makes openai (Node) throw an APIError with the message", async () => {
    const stream = OpenAIStream.fromSSEResponse(sseResponse(streamText()), new AbortController());
    const { chunks, error } = await drain(stream);
    expect(chunks).toEqual([chunk]);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain(MESSAGE);
  });

  it("makes the Portkey SDK throw with the message", async () => {
    const stream = new PortkeyStream<unknown>(sseResponse(streamText()));
    const { chunks, error } = await drain(stream);
    expect(chunks).toEqual([chunk]);
    expect((error as Error).message).toContain(MESSAGE);
  });
});
