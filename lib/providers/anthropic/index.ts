import { createNativeProvider, customHostOf } from "../native/create-native-provider";
import type { ProviderCredentials } from "../types";
import { parseAnthropicError } from "./errors";
import { toAnthropicRequest } from "./request";
import { toOpenAICompletion } from "./response";
import { newAnthropicStreamTranslator } from "./stream";

export { ANTHROPIC_DEFAULT_MAX_TOKENS } from "./request";

export const ANTHROPIC_DEFAULT_BASE_URL = "https://api.anthropic.com";
/** The API version pinned in every request: the wire format this adapter was written for. */
export const ANTHROPIC_VERSION = "2023-06-01";

/** The base URL without its version: a custom host is accepted with or without `/v1`. */
function baseUrl(credentials: ProviderCredentials): string {
  const host = customHostOf(credentials);
  return host ? host.replace(/\/v1$/, "") : ANTHROPIC_DEFAULT_BASE_URL;
}

/**
 * Claude through the Messages API. Not offered (so the engine refuses them with a 400):
 * completion templates (the legacy text API is retired), n > 1, logprobs, and JSON mode or
 * JSON schema response formats (no native equivalent in this API version; prompting for
 * JSON or a forced tool call are the usual substitutes).
 */
export const anthropic = createNativeProvider({
  id: "anthropic",
  displayName: "Anthropic",
  capabilities: {
    chat: true,
    completion: false,
    streaming: true,
    tools: true,
    vision: true,
    jsonMode: false,
    jsonSchema: false,
    multipleChoices: false,
    logprobs: false,
  },
  setup: {
    defaultBaseUrl: ANTHROPIC_DEFAULT_BASE_URL,
    apiKeyRequired: true,
    customHostRequired: false,
    customHostReplaces: "https://api.anthropic.com (with or without /v1)",
    options: [],
  },
  buildCall: (body, credentials, stream) => ({
    url: `${baseUrl(credentials)}/v1/messages`,
    headers: { "x-api-key": credentials.apiKey, "anthropic-version": ANTHROPIC_VERSION },
    body: toAnthropicRequest(body, stream),
  }),
  parseError: parseAnthropicError,
  toCompletion: toOpenAICompletion,
  newStreamTranslator: newAnthropicStreamTranslator,
});
