import { metadataFromHeaders } from "@/lib/logs/metadata";
import type { CompletionLogRow } from "@/lib/logs/writer";
import type { CompletionContext } from "./context";
import type { PreparedCall } from "./prepare";

export type Usage = { prompt_tokens?: number; completion_tokens?: number; total_tokens?: number; prompt_tokens_details?: { cached_tokens?: number } };

/** Token counts as logged; the cost is added from them when the row is written (lib/logs/writer.ts). */
export function usageColumns(usage: Usage | null | undefined) {
  const cached = usage?.prompt_tokens_details?.cached_tokens;
  return {
    promptTokens: usage?.prompt_tokens ?? null,
    completionTokens: usage?.completion_tokens ?? null,
    totalTokens: usage?.total_tokens ?? null,
    cachedTokens: Number.isSafeInteger(cached) ? (cached as number) : null,
  };
}

/**
 * The columns of a completion's log row known before the provider answers. Built before the
 * provider is called, so a malformed x-portkey-metadata header is a 400 that costs no call.
 */
export function baseLogRow(
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
    label: prepared.resolved.label,
    isDraft: prepared.isDraft,
    provider: call.provider,
    virtualKeyId: call.virtualKeyId,
    model: call.model,
    stream: call.stream,
    variables: prepared.variables as object,
    request: call.request as object,
    apiKeyId: context.caller?.kind === "api_key" ? context.caller.apiKeyId : null,
    userId: context.caller?.kind === "session" ? context.caller.userId : (context.caller?.userId ?? null),
    experimentId: context.experimentId ?? null,
    metadata: metadataFromHeaders(context.headers),
  };
}
