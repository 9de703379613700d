import { createNativeProvider, customHostOf } from "../native/create-native-provider";
import type { ProviderCredentials } from "../types";
import { ANTHROPIC_DEFAULT_BASE_URL, anthropicDeclaration } from "./declaration";
import { parseAnthropicError } from "./errors";
import { toAnthropicRequest } from "./request";
import { toOpenAICompletion } from "./response";
import { newAnthropicStreamTranslator } from "./stream";

export { ANTHROPIC_DEFAULT_BASE_URL } from "./declaration";
export { ANTHROPIC_DEFAULT_MAX_TOKENS } from "./request";

/** The API version pinned in every request: the wire format this adapter was written for. */
export const ANTHROPIC_VERSION = "2023-06-01";

/** The base URL without its version: a custom host is accepted with or without `/v1`. */
function baseUrl(credentials: ProviderCredentials): string {
  const host = customHostOf(credentials);
  return host ? host.replace(/\/v1$/, "") : ANTHROPIC_DEFAULT_BASE_URL;
}

export const anthropic = createNativeProvider({
  ...anthropicDeclaration,
  buildCall: (body, credentials, stream) => ({
    url: `${baseUrl(credentials)}/v1/messages`,
    headers: { "x-api-key": credentials.apiKey, "anthropic-version": ANTHROPIC_VERSION },
    body: toAnthropicRequest(body, stream),
  }),
  parseError: parseAnthropicError,
  toCompletion: toOpenAICompletion,
  newStreamTranslator: newAnthropicStreamTranslator,
});
