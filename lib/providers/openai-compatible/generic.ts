import { createOpenAICompatibleProvider } from "./create-provider";

/**
 * Any server speaking OpenAI's API (vLLM, LM Studio, LiteLLM, a proxy, the mock provider).
 * Nothing is known about it, so every capability is offered and the server decides.
 */
export const openAICompatible = createOpenAICompatibleProvider({
  id: "openai-compatible",
  displayName: "OpenAI-compatible server",
  defaultBaseUrl: null,
  capabilities: {
    chat: true,
    completion: true,
    streaming: true,
    tools: true,
    vision: true,
    jsonMode: true,
    jsonSchema: true,
    multipleChoices: true,
    logprobs: true,
  },
  setup: { apiKeyRequired: false, customHostRequired: true },
});
