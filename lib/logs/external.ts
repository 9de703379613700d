import { randomUUID } from "node:crypto";
import type { Caller } from "@/lib/auth/caller";
import { listDeclarations } from "@/lib/providers/declarations";
import type { CustomLog } from "./external-schemas";
import { metadataColumn } from "./metadata";
import { logWriter, type CompletionLogRow } from "./writer";

/**
 * Records calls made outside Promptly (POST /v1/logs) as log rows, so a team sees all its LLM
 * traffic in one place. They go through the log writer like every row (batched, priced,
 * PROMPTLY_LOG_BODIES applied) and are written before the answer, so a GET right after finds
 * them. Request headers are never stored: they carry the provider's key.
 */
export async function recordExternalLogs(logs: CustomLog[], caller: Caller | null, traceId: string): Promise<{ status: "success"; message: string; log_ids: string[] }> {
  const rows = logs.map((log, index) => externalRow(log, caller, traceId, `[${index}].metadata`));
  for (const row of rows) logWriter.enqueue(row);
  await logWriter.flush();
  return { status: "success", message: "Logs recorded", log_ids: rows.map((row) => row.id as string) };
}

export function externalRow(log: CustomLog, caller: Caller | null, traceId: string, param = "metadata"): CompletionLogRow {
  const metadata = { ...(log.metadata ?? {}) };
  // Portkey's reserved keys: the trace id links the row (and its feedback); spans stay metadata.
  const ownTrace = typeof metadata.trace_id === "string" && metadata.trace_id.trim() ? metadata.trace_id.trim().slice(0, 255) : null;
  delete metadata.trace_id;
  const requestBody = asObject(log.request.body);
  const responseBody = asObject(log.response.body);
  const status = log.response.status ?? 200;
  const usage = asObject(responseBody?.usage);
  const cached = asObject(usage?.prompt_tokens_details)?.cached_tokens;
  return {
    id: randomUUID(),
    traceId: ownTrace ?? traceId,
    provider: providerOf(log.request.url),
    model: text(responseBody?.model) ?? text(requestBody?.model),
    stream: requestBody?.stream === true,
    status: status < 400 ? "success" : "error",
    httpStatus: status,
    error: status < 400 ? null : errorMessage(responseBody) ?? `HTTP ${status}`,
    latencyMs: log.response.response_time ?? null,
    promptTokens: integer(usage?.prompt_tokens ?? usage?.input_tokens),
    completionTokens: integer(usage?.completion_tokens ?? usage?.output_tokens),
    totalTokens: integer(usage?.total_tokens),
    cachedTokens: integer(cached),
    finishReason: text(asObject((responseBody?.choices as unknown[] | undefined)?.[0])?.finish_reason) ?? text(responseBody?.stop_reason),
    request: { url: log.request.url ?? null, method: log.request.method ?? null, body: (log.request.body ?? null) as object },
    response: (log.response.body ?? null) as object,
    metadata: metadataColumn(metadata, param),
    apiKeyId: caller?.kind === "api_key" ? caller.apiKeyId : null,
    userId: caller?.userId ?? null,
  };
}

/**
 * The provider a URL belongs to, by the hosts the declarations name (so the row is priced
 * like a completion's), else the URL's host, so an external row still says where it went.
 */
function providerOf(url: string | undefined): string | null {
  let host: string;
  try {
    host = url ? new URL(url).host.toLowerCase() : "";
  } catch {
    return null;
  }
  if (!host) return null;
  for (const declaration of listDeclarations()) {
    const { defaultBaseUrl, hostTemplate } = declaration.setup;
    if (defaultBaseUrl && new URL(defaultBaseUrl).host === host) return declaration.id;
    if (hostTemplate && hostPattern(hostTemplate).test(host)) return declaration.id;
  }
  return host.slice(0, 200);
}

/** `https://{resourceName}.openai.azure.com` as a host pattern. */
function hostPattern(template: string): RegExp {
  const host = template.replace(/^https?:\/\//, "").split("/")[0];
  const escaped = host.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\\?\{[^}]+\\?\}/g, "[a-z0-9-]+");
  return new RegExp(`^${escaped}$`, "i");
}

function errorMessage(body: Record<string, unknown> | null): string | null {
  const error = body?.error;
  if (typeof error === "string") return error.slice(0, 2000);
  return text(asObject(error)?.message)?.slice(0, 2000) ?? null;
}

function asObject(value: unknown): Record<string, unknown> | null {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

const text = (value: unknown) => (typeof value === "string" && value ? value.slice(0, 200) : null);
const integer = (value: unknown) => (Number.isSafeInteger(value) ? (value as number) : null);
