import { createOpenAICompatibleProvider } from "./create-provider";
import { OPENAI_FEATURES } from "../openai-features";

/**
 * Any server speaking OpenAI's API (vLLM, LM Studio, LiteLLM, a proxy, the mock provider).
 * Nothing is known about it, so every capability is offered and the server decides.
 */
export const openAICompatible = createOpenAICompatibleProvider({
  id: "openai-compatible",
  displayName: "OpenAI-compatible server",
  defaultBaseUrl: null,
  capabilities: OPENAI_FEATURES,
  setup: { apiKeyRequired: false, customHostRequired: true },
});
