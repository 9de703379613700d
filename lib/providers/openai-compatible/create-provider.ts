import { parseJsonObject, postProviderJson, providerFailure as failure, readFailure } from "../provider-call";
import { optionParam, type ProviderSetup } from "../setup";
import type { ProviderDeclaration } from "../declaration";
import type { Provider, ProviderCredentials, ProviderRequest, ProviderResponse, TemplateKind } from "../types";
import { readUpstreamError } from "./upstream-error";

/** A credential problem found before calling out (missing Azure deployment, no custom host). */
export class ProviderConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ProviderConfigError";
  }
}

export interface UrlContext {
  kind: TemplateKind;
  credentials: ProviderCredentials;
  /** credentials.customHost without trailing slashes; null when unset. */
  customHost: string | null;
  /** "chat/completions" or "completions". */
  endpoint: string;
}

/** A declaration plus what differs in how its server is called. */
export interface OpenAICompatibleConfig<Id extends string> extends ProviderDeclaration<Id> {
  /** Replaces `<customHost or defaultBaseUrl>/<endpoint>`; may throw ProviderConfigError. */
  buildUrl?: (context: UrlContext) => string;
  /** Replaces the `Authorization: Bearer` header (content negotiation headers are added anyway). */
  buildHeaders?: (credentials: ProviderCredentials) => Record<string, string>;
}

export type OpenAICompatibleProvider<Id extends string = string> = Provider & { id: Id; setup: ProviderSetup };

/** `Authorization: Bearer <key>`, left out when there is no key (Ollama, local servers). */
export function bearerAuth(credentials: ProviderCredentials): Record<string, string> {
  return credentials.apiKey ? { authorization: `Bearer ${credentials.apiKey}` } : {};
}

/** A provider option by its camelCase name, also accepting the snake_case the admin API uses. */
export function readOption(credentials: ProviderCredentials, name: string): string | undefined {
  const value = credentials.options?.[name] ?? credentials.options?.[optionParam(name)];
  return value?.trim() ? value.trim() : undefined;
}

export function trimBase(url: string): string {
  return url.trim().replace(/\/+$/, "");
}

/**
 * An adapter for a provider speaking OpenAI's wire format. Bodies go out as given and come
 * back as given: JSON parsed once, streams handed over untouched so tokens flow as sent.
 */
export function createOpenAICompatibleProvider<Id extends string>(config: OpenAICompatibleConfig<Id>): OpenAICompatibleProvider<Id> {
  const { id, displayName, capabilities, setup, modelFamilies } = config;

  const buildUrl = (context: UrlContext): string => {
    if (config.buildUrl) return config.buildUrl(context);
    const base = context.customHost ?? setup.defaultBaseUrl;
    if (!base) throw new ProviderConfigError(`${displayName} needs a custom host (the server's base URL)`);
    return `${base}/${context.endpoint}`;
  };

  async function send({ kind, body, credentials, signal }: ProviderRequest): Promise<ProviderResponse> {
    if (!capabilities[kind]) {
      return failure(400, `${displayName} does not support ${kind} templates`, "unsupported_template_kind");
    }
    let url: string;
    try {
      const customHost = credentials.customHost?.trim() ? trimBase(credentials.customHost) : null;
      url = buildUrl({ kind, credentials, customHost, endpoint: kind === "chat" ? "chat/completions" : "completions" });
    } catch (error) {
      if (error instanceof ProviderConfigError) return failure(400, error.message, "provider_misconfigured");
      throw error;
    }

    const stream = body.stream === true;
    const posted = await postProviderJson(displayName, url, { headers: (config.buildHeaders ?? bearerAuth)(credentials), body, stream, signal });
    if ("failure" in posted) return posted.failure;
    const { response } = posted;

    try {
      if (!response.ok) return await readUpstreamError(response);
      if (stream) {
        // Passthrough: the engine relays these bytes; re-encoding chunks would add latency.
        const body = response.chunks?.() ?? response.body;
        if (!body) return failure(502, `${displayName} sent an empty stream`, "provider_bad_response");
        return { ok: true, status: response.status, stream: true, body };
      }
      const text = await response.text();
      const json = parseJsonObject(text);
      if (!json) return failure(502, `${displayName} sent a response that is not a JSON object`, "provider_bad_response");
      return { ok: true, status: response.status, stream: false, body: json, raw: text };
    } catch (error) {
      return readFailure(displayName, error, signal);
    }
  }

  return { id, displayName, capabilities, setup, ...(modelFamilies ? { modelFamilies } : {}), send };
}
