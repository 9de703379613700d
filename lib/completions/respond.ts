import { type ChunkSource, chunksOfWebStream, isChunkSource, webStreamOfChunks, withChunkSource } from "@/lib/core/http/chunk-source";
import { logWriter, type CompletionLogRow } from "@/lib/logs/writer";
import { usageColumns, type Usage } from "./log-row";
import { passthroughStream } from "./passthrough-stream";
import { carriesOutput, SseTally } from "./stream-summary";

type BaseRow = Omit<CompletionLogRow, "status">;

const SSE_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-cache, no-transform",
  connection: "keep-alive",
  "x-accel-buffering": "no", // tell proxies (nginx) not to buffer the stream
};

/**
 * A non-stream answer: the provider's OpenAI-format body as is (its very text when the
 * adapter kept it: no second serialization); the log row is queued.
 */
export function respondJson(body: Record<string, unknown>, log: BaseRow, elapsed: () => number, headers: Record<string, string>, raw?: string): Response {
  const answer = body as { usage?: Usage; choices?: { finish_reason?: string }[] };
  logWriter.enqueue({
    ...log,
    ...usageColumns(answer.usage),
    status: "success",
    httpStatus: 200,
    latencyMs: elapsed(),
    finishReason: answer.choices?.[0]?.finish_reason ?? null,
    response: body as object,
  });
  if (raw === undefined) return Response.json(body, { headers });
  return new Response(raw, { headers: { "content-type": "application/json", ...headers } });
}

/**
 * A streamed answer: bytes pass through as they arrive; the log row is written once the
 * stream ended (success, error or cancelled by the client), after the client has it all.
 */
export function respondStream(
  upstream: ReadableStream<Uint8Array> | ChunkSource,
  options: {
    log: BaseRow;
    elapsed: () => number;
    headers: Record<string, string>;
    abortUpstream: () => void;
    clientSignal: AbortSignal;
    /** Cuts the provider credential out of an in-stream error before it is logged. */
    redact?: (text: string) => string;
  },
): Response {
  let ttftMs: number | null = null;
  const tally = new SseTally();
  options.clientSignal.addEventListener("abort", options.abortUpstream, { once: true });
  const relay = passthroughStream(isChunkSource(upstream) ? upstream : chunksOfWebStream(upstream), {
    abortUpstream: options.abortUpstream,
    clientGone: () => options.clientSignal.aborted,
    // The first token, not the first bytes: providers open with a role-only or empty delta.
    onChunk: (chunk) => {
      if (ttftMs === null && carriesOutput(chunk)) ttftMs = options.elapsed();
      tally.push(chunk);
    },
    onEnd: (outcome) => {
      options.clientSignal.removeEventListener("abort", options.abortUpstream);
      const latencyMs = options.elapsed();
      // Built when the log batch is written: parsing the chunks now would delay the next
      // request of a client that sends it as soon as this stream ends.
      logWriter.enqueue(() => {
        const summary = tally.summary();
        return {
          ...options.log,
          ...usageColumns(summary.usage),
          status: outcome.status,
          httpStatus: outcome.status === "cancelled" ? 499 : 200,
          error: outcome.status === "error" ? (options.redact?.(outcome.message) ?? outcome.message) : null,
          latencyMs,
          ttftMs,
          finishReason: summary.finishReason,
          response: { content: summary.content, tool_call_deltas: summary.toolCalls, ...(summary.truncated ? { content_truncated: true } : {}) },
        };
      });
    },
  });
  // Next reads the web body; the fast routes take the chunk source itself (a few promises
  // fewer per chunk, which thousands of concurrent streams feel). Whichever reads first.
  const response = new Response(webStreamOfChunks(relay), { status: 200, headers: { ...SSE_HEADERS, ...options.headers } });
  return withChunkSource(response, relay);
}
