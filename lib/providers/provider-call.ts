import { networkDetail, rethrowIfAborted, unreachable, upstream, type UpstreamResponse } from "./http/post-upstream";
import type { ProviderFailure } from "./openai-compatible/upstream-error";

/**
 * The steps every adapter's send() shares, whatever the wire format: the failure shape,
 * the JSON POST whose network failure is a 502 (and an abort stays an abort), and the
 * 502 for a body that breaks off while read.
 */

export function providerFailure(status: number, message: string, code: string | null): ProviderFailure {
  return { ok: false, status, message, code };
}

/** A JSON object, or null for anything else (an array, a scalar, text that is not JSON). */
export function parseJsonObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** POSTs a JSON body asking for a stream or a JSON answer; an unreachable provider is a failure, not a throw. */
export async function postProviderJson(
  displayName: string,
  url: string,
  call: { headers: Record<string, string>; body: unknown; stream: boolean; signal?: AbortSignal },
): Promise<{ response: UpstreamResponse } | { failure: ProviderFailure }> {
  try {
    const response = await upstream.post(url, {
      headers: { "content-type": "application/json", accept: call.stream ? "text/event-stream" : "application/json", ...call.headers },
      body: JSON.stringify(call.body),
      signal: call.signal,
    });
    return { response };
  } catch (error) {
    rethrowIfAborted(error, call.signal);
    return { failure: unreachable(displayName, error) };
  }
}

/** The body failed mid-read: a cancel surfaces as such, anything else is the provider's fault. */
export function readFailure(displayName: string, error: unknown, signal: AbortSignal | undefined): ProviderFailure {
  rethrowIfAborted(error, signal);
  return providerFailure(502, `${displayName} connection failed while reading the response: ${networkDetail(error)}`, "provider_unreachable");
}
