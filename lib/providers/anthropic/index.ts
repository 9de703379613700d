import { createNativeProvider, customHostOf } from "../native/create-native-provider";
import type { ProviderCredentials } from "../types";
import { ANTHROPIC_CAPABILITIES } from "./capabilities";
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

/** Claude through the Messages API; what it cannot honour is in ./capabilities.ts. */
export const anthropic = createNativeProvider({
  id: "anthropic",
  displayName: "Anthropic",
  capabilities: ANTHROPIC_CAPABILITIES,
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
