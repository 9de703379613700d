import { bearerAuth, createOpenAICompatibleProvider } from "../openai-compatible";
import { OPENAI_FEATURES } from "../openai-features";

/** Capabilities depend on the routed model; these are what OpenRouter's API accepts. */
export const openrouter = createOpenAICompatibleProvider({
  id: "openrouter",
  displayName: "OpenRouter",
  defaultBaseUrl: "https://openrouter.ai/api/v1",
  capabilities: { ...OPENAI_FEATURES, multipleChoices: false }, // n is not supported
  // Optional attribution headers: requests show up under this app name in OpenRouter's logs.
  buildHeaders: (credentials) => ({ ...bearerAuth(credentials), "x-title": "Promptly" }),
});
