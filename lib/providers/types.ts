/**
 * The contract between the completion engine and every provider adapter.
 *
 * The engine always speaks OpenAI's format: it hands an adapter an OpenAI-format request
 * body and gets back an OpenAI-format answer (a JSON object, or an SSE byte stream of
 * `chat.completion.chunk` / `text_completion` events ending with `data: [DONE]`).
 * OpenAI-compatible providers pass both through; native ones (Anthropic, Gemini) translate.
 */
import type { ChunkSource } from "@/lib/core/http/chunk-source";

export type TemplateKind = "chat" | "completion";

export interface ProviderCapabilities {
  chat: boolean;
  completion: boolean; // legacy /completions with a `prompt`
  streaming: boolean;
  tools: boolean;
  vision: boolean;
  jsonMode: boolean;
  jsonSchema: boolean;
  multipleChoices: boolean; // n > 1
  logprobs: boolean;
  /** presence_penalty / frequency_penalty other than 0. */
  penalties: boolean;
  /** A `seed` for (best-effort) deterministic sampling. */
  seed: boolean;
  /** The highest `temperature` accepted: OpenAI's range is 0-2, Anthropic's 0-1. */
  maxTemperature: number;
}

/**
 * How a model family treats one OpenAI parameter its provider otherwise maps. Data, not code,
 * so GET /v1/providers serves it and the editor flags a stored setting before it is saved.
 */
export interface ParameterRule {
  /**
   * The values these models still take for compatibility and ignore (the API default): such a
   * value is dropped before sending, any other is refused. Absent: every value is refused.
   */
  accepts?: { equals: number } | { atLeast: number };
}

/**
 * Models of one provider that share what they accept. A model belongs to the family with the
 * longest prefix of its name; a model matching none gets the provider's own capabilities.
 */
export interface ModelFamily {
  /** For messages and the README: "Claude Opus 4.7 and later". */
  name: string;
  prefixes: readonly string[];
  /** Where these models differ from the provider's capabilities. */
  capabilities?: Partial<ProviderCapabilities>;
  /** Parameters these models refuse, or take only at their default. */
  parameters?: Readonly<Record<string, ParameterRule>>;
  /** Pairs of parameters these models refuse together: the second of a pair is the one refused. */
  exclusive?: readonly (readonly [string, string])[];
  /** Whether a conversation may end with an assistant message for the model to continue (a prefill). Default true. */
  assistantPrefill?: boolean;
  /** Whether JSON output (response_format) may be asked for together with tools. Default true. */
  jsonWithTools?: boolean;
}

/** The capabilities that are on or off (maxTemperature is a limit, not a switch). */
export type BooleanCapability = { [K in keyof ProviderCapabilities]: ProviderCapabilities[K] extends boolean ? K : never }[keyof ProviderCapabilities];

/** A virtual key, decrypted: what an adapter needs to reach the provider. */
export interface ProviderCredentials {
  apiKey: string;
  /** Base URL overriding the provider's default, e.g. http://127.0.0.1:4010/v1. */
  customHost?: string | null;
  /** Provider options: Azure's resourceName, deploymentName, apiVersion... */
  options?: Record<string, string | undefined>;
}

export interface ProviderRequest {
  kind: TemplateKind;
  /** OpenAI-format body: model, messages (chat) or prompt (completion), parameters, stream. */
  body: Record<string, unknown>;
  credentials: ProviderCredentials;
  /** Aborted when the client goes away or a timeout fires: the upstream call must stop. */
  signal?: AbortSignal;
}

export type ProviderResponse =
  | {
      ok: true;
      status: number;
      stream: false;
      body: Record<string, unknown>;
      /** The upstream JSON text `body` was parsed from, when relayed unchanged: answered as is. */
      raw?: string;
    }
  | {
      ok: true;
      status: number;
      stream: true;
      /** A translating adapter's web stream, or the provider's bytes as they come (passthrough). */
      body: ReadableStream<Uint8Array> | ChunkSource;
    }
  | {
      ok: false;
      /** The upstream status, kept as is (429 stays 429); 502 when the provider is unreachable. */
      status: number;
      message: string;
      code: string | null;
      retryAfter?: string;
      /** The request parameter at fault, when the adapter refused the request before sending it. */
      param?: string;
    };

export interface Provider {
  id: string;
  displayName: string;
  capabilities: ProviderCapabilities;
  /** Where some models accept less (or more) than `capabilities`: see ./model-policy.ts. */
  modelFamilies?: readonly ModelFamily[];
  /** Calls the provider. Never throws for upstream HTTP errors: returns ok: false. */
  send(request: ProviderRequest): Promise<ProviderResponse>;
}
