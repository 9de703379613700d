import { networkDetail } from "../http/post-upstream";
import { readUpstreamError } from "../openai-compatible/upstream-error";
import { parseJsonObject, postProviderJson, providerFailure as failure, readFailure } from "../provider-call";
import type { ProviderSetup } from "../setup";
import type { ProviderDeclaration } from "../declaration";
import type { Provider, ProviderCredentials, ProviderRequest, ProviderResponse } from "../types";
import { RequestMappingError, UpstreamAnswerError } from "./mapping-error";
import { translateStream, type StreamTranslator } from "./translate-stream";

/** The provider-specific pieces of a native (non-OpenAI-format) adapter. */
export interface NativeAdapterConfig<Id extends string> extends ProviderDeclaration<Id> {
  /** The upstream call for an OpenAI chat body; throws RequestMappingError for what cannot be honoured. */
  buildCall(body: Record<string, unknown>, credentials: ProviderCredentials, stream: boolean): { url: string; headers: Record<string, string>; body: unknown };
  /**
   * The provider's error body → message and code (its error type or status name), and the
   * status to report when the provider's own misstates the failure (a bad key answered 400).
   */
  parseError(text: string, status: number, statusText: string): { message: string; code: string | null; status?: number };
  /**
   * The provider's JSON answer → an OpenAI chat.completion; null when it is not a recognisable
   * answer; throws UpstreamAnswerError when it is one that carries no usable result.
   */
  toCompletion(json: Record<string, unknown>, requestModel: string): Record<string, unknown> | null;
  newStreamTranslator(requestModel: string): StreamTranslator;
}

export type NativeProvider<Id extends string> = Provider & { id: Id; setup: ProviderSetup };

/**
 * The shared call path of the native adapters, mirroring createOpenAICompatibleProvider:
 * map the request, POST it, keep the upstream status on errors, translate the answer.
 * An abort propagates as the abort it is; an unreachable provider is a 502, a host the
 * outbound policy refuses a 400.
 */
export function createNativeProvider<Id extends string>(config: NativeAdapterConfig<Id>): NativeProvider<Id> {
  const { id, displayName, capabilities, setup, modelFamilies } = config;

  async function send({ kind, body, credentials, signal }: ProviderRequest): Promise<ProviderResponse> {
    if (kind !== "chat" || !capabilities.chat) {
      return failure(400, `${displayName} does not support ${kind} templates`, "unsupported_template_kind");
    }
    const stream = body.stream === true;
    const model = typeof body.model === "string" ? body.model : "";
    let call: ReturnType<NativeAdapterConfig<Id>["buildCall"]>;
    try {
      call = config.buildCall(body, credentials, stream);
    } catch (error) {
      if (error instanceof RequestMappingError) return { ...failure(400, error.message, error.code), param: error.param };
      throw error;
    }

    const posted = await postProviderJson(displayName, call.url, { headers: call.headers, body: call.body, stream, signal });
    if ("failure" in posted) return posted.failure;
    const { response } = posted;

    try {
      if (!response.ok) return await readUpstreamError(response, config.parseError);
      if (stream) {
        if (!response.body) return failure(502, `${displayName} sent an empty stream`, "provider_bad_response");
        const translated = translateStream(response.body, config.newStreamTranslator(model), (error) => {
          if (signal?.aborted || (error instanceof Error && error.name === "AbortError")) return "cancelled";
          return `${displayName} connection failed mid-stream: ${networkDetail(error)}`;
        });
        return { ok: true, status: 200, stream: true, body: translated };
      }
      const json = parseJsonObject(await response.text());
      const answer = json ? config.toCompletion(json, model) : null;
      if (!answer) return failure(502, `${displayName} sent a response that is not a valid answer`, "provider_bad_response");
      return { ok: true, status: 200, stream: false, body: answer };
    } catch (error) {
      if (error instanceof UpstreamAnswerError) return failure(502, error.message, error.code);
      return readFailure(displayName, error, signal);
    }
  }

  return { id, displayName, capabilities, setup, ...(modelFamilies ? { modelFamilies } : {}), send };
}

/** A custom host without trailing slashes, or null. */
export function customHostOf(credentials: ProviderCredentials): string | null {
  const host = credentials.customHost?.trim();
  return host ? host.replace(/\/+$/, "") : null;
}
