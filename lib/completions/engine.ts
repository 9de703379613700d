import { ApiError, badRequest, upstreamError } from "@/lib/core/http/errors";
import { logWriter } from "@/lib/logs/writer";
import { getProvider } from "@/lib/providers/registry";
import type { Provider, ProviderCredentials } from "@/lib/providers/types";
import { getVirtualKeyCredentials } from "@/lib/virtual-keys/credentials";
import { supportedBody } from "./capabilities";
import type { CompletionContext } from "./context";
import { defaultTimeoutMs, promptGatewaySettings, readGatewayConfig, targetsToTry, type GatewayTarget } from "./gateway-config";
import { baseLogRow } from "./log-row";
import { prepareCall, type PreparedCall } from "./prepare";
import { redactSecret } from "./redact";
import type { CompletionRequest } from "./request-schema";
import { respondJson, respondStream } from "./respond";
import { assertMayUseVirtualKey, runAccessOf, type RunAccess } from "./run-access";
import { sendWithRetry } from "./retry";

export type { CompletionContext };

/**
 * The completion engine, shared by external callers and the playground: resolve, render,
 * merge, call the provider (with the retries, fallbacks and timeout of `x-portkey-config`
 * or the prompt's settings), answer in OpenAI format (SSE when `stream: true`), and log.
 * The log row is queued once the answer is on its way; it never delays it.
 */
export async function runCompletion(ref: string, request: CompletionRequest, context: CompletionContext): Promise<Response> {
  const startedAt = performance.now();
  const elapsed = () => Math.round(performance.now() - startedAt);
  const config = readGatewayConfig(context.headers);
  const access = runAccessOf(context.caller);
  const primary = await prepareCall(ref, request, context.headers, access, context.traceId);
  context.onPrepared?.(primary);
  const stored = promptGatewaySettings(primary.resolved.prompt.settings);
  const timeoutMs = config.request_timeout ?? stored.request_timeout ?? defaultTimeoutMs();
  const stream = request.stream === true;
  const plan = targetsToTry(config);
  let retries = 0;

  for (const [position, { target, index }] of plan.entries()) {
    const call = await planCall(primary, target, request, context, stream, access);
    context.onCalling?.({ provider: call.provider.id, model: call.model });
    const log = baseLogRow(call.prepared, context, { provider: call.provider.id, virtualKeyId: call.virtualKeyId, model: call.model, stream, request: call.body });
    let upstream: AbortController | null = null;
    const sentAt = elapsed();
    const outcome = await sendWithRetry(
      call.provider,
      { kind: call.prepared.kind, body: call.body, credentials: call.credentials },
      { retry: target.retry ?? config.retry ?? stored.retry, timeoutMs, clientSignal: context.signal, onUpstreamController: (c) => (upstream = c) },
    );
    retries += outcome.retries;
    // What the provider took (a stream: until its headers), for the log's timings.
    Object.assign(log, { upstreamMs: elapsed() - sentAt, retries: outcome.retries });
    const headers: Record<string, string> = { "x-portkey-retry-attempt-count": String(retries) };
    if (call.dropped.length > 0) headers[DROPPED_PARAMS_HEADER] = call.dropped.join(", ");
    if (config.targets) headers["x-portkey-last-used-option-index"] = String(index);

    if (outcome.kind === "cancelled") {
      logWriter.enqueue({ ...log, status: "cancelled", httpStatus: 499, latencyMs: elapsed() });
      return new Response(null, { status: 499, headers });
    }
    if (outcome.kind === "response" && outcome.response.ok) {
      const answer = outcome.response;
      if (!answer.stream) return respondJson(answer.body, log, elapsed, headers, answer.raw);
      return respondStream(answer.body, {
        log,
        elapsed,
        headers,
        clientSignal: context.signal,
        abortUpstream: () => upstream?.abort(),
        redact: (text) => redactSecret(text, call.credentials.apiKey),
      });
    }

    const refused = outcome.kind === "response" && !outcome.response.ok ? outcome.response : null;
    const failure = refused
      ? upstreamError(call.provider.displayName, refused.status, redactSecret(refused.message, call.credentials.apiKey), refused.code, refused.param ?? null)
      : new ApiError(504, `${call.provider.displayName} did not answer within ${timeoutMs} ms`, "timeout_error", "upstream_timeout");
    if (refused?.retryAfter) headers["retry-after"] = refused.retryAfter;
    logWriter.enqueue({ ...log, status: "error", httpStatus: failure.status, error: failure.message, latencyMs: elapsed() });
    const fallbackOn = config.strategy?.on_status_codes;
    const canFallBack = config.strategy?.mode === "fallback" && position < plan.length - 1 && (!fallbackOn || fallbackOn.includes(failure.status));
    if (!canFallBack) throw new ApiError(failure.status, failure.message, failure.type, failure.code, failure.param, headers);
  }
  throw new Error("unreachable: a plan always has a target");
}

/** Names the parameters dropped because the model refuses them (the prompt's drop_unsupported_params). */
export const DROPPED_PARAMS_HEADER = "x-promptly-dropped-params";

interface PlannedCall {
  prepared: PreparedCall;
  dropped: string[];
  provider: Provider;
  credentials: ProviderCredentials;
  virtualKeyId: string;
  model: string;
  body: Record<string, unknown>;
}

/** One target's call: its prompt (the request's or `prompt_id`), key, overrides; checked before sending. */
async function planCall(
  primary: PreparedCall,
  target: GatewayTarget,
  request: CompletionRequest,
  context: CompletionContext,
  stream: boolean,
  access: RunAccess,
): Promise<PlannedCall> {
  const prepared = target.prompt_id ? await prepareCall(target.prompt_id, { ...request, prompt_id: undefined }, context.headers, access, context.traceId) : primary;
  const keyRef = target.virtual_key ?? prepared.virtualKeyRef;
  const { prompt } = prepared.resolved;
  if (!keyRef) throw badRequest(`Prompt '${prompt.slug}' has no virtual key: set one on the prompt before running it`, "virtual_key");
  const key = await getVirtualKeyCredentials(keyRef);
  // The body's `virtual_key` and a config target's both name a key: checked here, on the one the call would use.
  assertMayUseVirtualKey(access, key?.id ?? null, prepared.resolved.version.virtualKeyId, keyRef);
  if (!key) throw badRequest(`Virtual key '${keyRef}' does not exist`, "virtual_key");
  if (key.needsSecret) {
    throw badRequest(`Virtual key '${key.slug}' needs a new secret: its host changed since the secret was saved. Set its key again (Settings, or PUT /v1/virtual-keys/${key.slug} with "key")`, "virtual_key", "virtual_key_needs_secret");
  }
  const provider = getProvider(key.provider);
  if (!provider) throw badRequest(`Provider '${key.provider}' is not supported yet`, "virtual_key", "unsupported_provider");

  const { stream: _ignored, ...overrides } = target.override_params ?? {};
  void _ignored;
  const merged: Record<string, unknown> = { ...prepared.body, ...overrides, stream };
  if (typeof merged.model !== "string" || !merged.model) throw badRequest("No model: set one on the prompt or pass `model` in the request", "model");
  const dropUnsupported = promptGatewaySettings(prompt.settings).drop_unsupported_params === true;
  const { body, dropped } = supportedBody(provider, prepared.kind, merged, stream, dropUnsupported);
  return { prepared, dropped, provider, credentials: key.credentials, virtualKeyId: key.id, model: merged.model, body };
}
