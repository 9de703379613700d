import { bearerAuth, createOpenAICompatibleProvider } from "../openai-compatible";

/** Capabilities depend on the routed model; these are what OpenRouter's API accepts. */
export const openrouter = createOpenAICompatibleProvider({
  id: "openrouter",
  displayName: "OpenRouter",
  defaultBaseUrl: "https://openrouter.ai/api/v1",
  capabilities: {
    chat: true,
    completion: true,
    streaming: true,
    tools: true,
    vision: true,
    jsonMode: true,
    jsonSchema: true,
    multipleChoices: false, // n is not supported
    logprobs: true,
  },
  // Optional attribution headers: requests show up under this app name in OpenRouter's logs.
  buildHeaders: (credentials) => ({ ...bearerAuth(credentials), "x-title": "Promptly" }),
});
