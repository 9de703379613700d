import type { Caller } from "@/lib/auth/caller";
import { badRequest, upstreamError, ApiError } from "@/lib/http/errors";
import { logWriter, type CompletionLogRow } from "@/lib/logs/writer";
import { getProvider } from "@/lib/providers/registry";
import type { Provider } from "@/lib/providers/types";
import { getVirtualKeyCredentials } from "@/lib/virtual-keys/credentials";
import { assertSupported } from "./capabilities";
import { passthroughStream } from "./passthrough-stream";
import { prepareCall, type PreparedCall } from "./prepare";
import type { CompletionRequest } from "./request-schema";
import { summarizeSse } from "./stream-summary";

export interface CompletionContext {
  traceId: string;
  caller: Caller | null;
  headers: Headers;
  /** Aborted when the client disconnects. */
  signal: AbortSignal;
}

const SSE_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-cache, no-transform",
  connection: "keep-alive",
  "x-accel-buffering": "no", // tell proxies (nginx) not to buffer the stream
};

/**
 * The completion engine, shared by external callers and the playground: resolve, render,
 * merge, call the provider, answer in OpenAI format (SSE when `stream: true`), and log.
 * The log row is queued after the answer is on its way; it never delays it.
 */
export async function runCompletion(ref: string, request: CompletionRequest, context: CompletionContext): Promise<Response> {
  const startedAt = performance.now();
  const prepared = await prepareCall(ref, request, context.headers);
  const { provider, credentials, virtualKeyId } = await providerFor(prepared);
  const stream = request.stream === true;
  if (typeof prepared.body.model !== "string" || !prepared.body.model) {
    throw badRequest("No model: set one on the prompt or pass `model` in the request", "model");
  }
  assertSupported(provider, prepared.kind, prepared.body, stream);
  const body: Record<string, unknown> = { ...prepared.body, stream };

  const upstreamAbort = new AbortController();
  const onClientGone = () => upstreamAbort.abort();
  context.signal.addEventListener("abort", onClientGone, { once: true });
  const log = logRow(prepared, context, { provider: provider.id, virtualKeyId, model: body.model as string, stream, request: body });
  const elapsed = () => Math.round(performance.now() - startedAt);

  let result;
  try {
    result = await provider.send({ kind: prepared.kind, body, credentials, signal: upstreamAbort.signal });
  } catch (error) {
    context.signal.removeEventListener("abort", onClientGone);
    if (upstreamAbort.signal.aborted) {
      logWriter.enqueue({ ...log, status: "cancelled", httpStatus: 499, latencyMs: elapsed() });
      return new Response(null, { status: 499 });
    }
    throw error;
  }

  if (!result.ok) {
    context.signal.removeEventListener("abort", onClientGone);
    const failure = upstreamError(provider.displayName, result.status, result.message, result.code);
    const headers: Record<string, string> = result.retryAfter ? { "retry-after": result.retryAfter } : {};
    logWriter.enqueue({ ...log, status: "error", httpStatus: result.status, error: failure.message, latencyMs: elapsed() });
    throw new ApiError(failure.status, failure.message, failure.type, failure.code, null, headers);
  }

  if (!result.stream) {
    context.signal.removeEventListener("abort", onClientGone);
    const answer = result.body as { usage?: Usage; choices?: { finish_reason?: string }[] };
    logWriter.enqueue({
      ...log,
      ...usageColumns(answer.usage),
      status: "success",
      httpStatus: 200,
      latencyMs: elapsed(),
      finishReason: answer.choices?.[0]?.finish_reason ?? null,
      response: result.body as object,
    });
    return Response.json(result.body);
  }

  let ttftMs: number | null = null;
  const forwarded = passthroughStream(result.body, {
    abortUpstream: () => upstreamAbort.abort(),
    onFirstChunk: () => {
      ttftMs = elapsed();
    },
    onEnd: (outcome, chunks) => {
      context.signal.removeEventListener("abort", onClientGone);
      const latencyMs = elapsed();
      // Summarising re-reads the whole stream: do it after the client has the last byte.
      setImmediate(() => {
        const summary = summarizeSse(chunks);
        logWriter.enqueue({
          ...log,
          ...usageColumns(summary.usage ?? undefined),
          status: outcome.status,
          httpStatus: outcome.status === "cancelled" ? 499 : 200,
          error: outcome.status === "error" ? outcome.message : null,
          latencyMs,
          ttftMs,
          finishReason: summary.finishReason,
          response: { content: summary.content, tool_call_deltas: summary.toolCalls },
        });
      });
    },
  });
  return new Response(forwarded, { status: 200, headers: SSE_HEADERS });
}

async function providerFor(prepared: PreparedCall): Promise<{ provider: Provider; credentials: Parameters<Provider["send"]>[0]["credentials"]; virtualKeyId: string }> {
  const { prompt } = prepared.resolved;
  if (!prepared.virtualKeyRef) {
    throw badRequest(`Prompt '${prompt.slug}' has no virtual key: set one on the prompt before running it`, "virtual_key");
  }
  const key = await getVirtualKeyCredentials(prepared.virtualKeyRef);
  if (!key) throw badRequest(`Virtual key '${prepared.virtualKeyRef}' does not exist`, "virtual_key");
  const provider = getProvider(key.provider);
  if (!provider) throw badRequest(`Provider '${key.provider}' is not supported yet`, "virtual_key", "unsupported_provider");
  return { provider, credentials: key.credentials, virtualKeyId: key.id };
}

type Usage = { prompt_tokens?: number; completion_tokens?: number; total_tokens?: number };

function usageColumns(usage: Usage | undefined) {
  return {
    promptTokens: usage?.prompt_tokens ?? null,
    completionTokens: usage?.completion_tokens ?? null,
    totalTokens: usage?.total_tokens ?? null,
  };
}

function logRow(
  prepared: PreparedCall,
  context: CompletionContext,
  call: { provider: string; virtualKeyId: string; model: string; stream: boolean; request: Record<string, unknown> },
): Omit<CompletionLogRow, "status"> {
  const { prompt, version } = prepared.resolved;
  return {
    traceId: context.traceId,
    promptId: prompt.id,
    promptSlug: prompt.slug,
    promptVersionId: version.id,
    promptVersion: version.number,
    isDraft: prepared.isDraft,
    provider: call.provider,
    virtualKeyId: call.virtualKeyId,
    model: call.model,
    stream: call.stream,
    variables: prepared.variables as object,
    request: call.request as object,
    apiKeyId: context.caller?.kind === "api_key" ? context.caller.apiKeyId : null,
    userId: context.caller?.kind === "session" ? context.caller.userId : (context.caller?.userId ?? null),
  };
}
