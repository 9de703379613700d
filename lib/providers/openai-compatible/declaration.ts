import { OPENAI_FEATURES } from "../openai-features";
import { declareOpenAICompatible } from "./declare";

/**
 * Any server speaking OpenAI's API (vLLM, LM Studio, LiteLLM, a proxy, the mock provider).
 * Nothing is known about it, so every capability is offered and the server decides.
 */
export const openAICompatibleDeclaration = declareOpenAICompatible({
  id: "openai-compatible",
  displayName: "OpenAI-compatible server",
  defaultBaseUrl: null,
  capabilities: OPENAI_FEATURES,
  // Local servers often run without authentication; with no default URL, the key is useless without a host.
  setup: { apiKeyRequired: false, customHostRequired: true },
  usageInStream: true,
  models: [],
});
