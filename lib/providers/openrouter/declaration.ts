import { declareOpenAICompatible } from "../openai-compatible/declare";
import { OPENAI_FEATURES } from "../openai-features";

/** Capabilities depend on the routed model; these are what OpenRouter's API accepts. */
export const openrouterDeclaration = declareOpenAICompatible({
  id: "openrouter",
  displayName: "OpenRouter",
  // API reference: default 1.0.
  defaultTemperature: 1,
  defaultBaseUrl: "https://openrouter.ai/api/v1",
  capabilities: { ...OPENAI_FEATURES, multipleChoices: false }, // n is not supported
  usageInStream: true,
  models: [
    { id: "openai/gpt-4o-mini" },
    { id: "anthropic/claude-3.5-sonnet" },
    { id: "google/gemini-2.0-flash-001" },
    { id: "meta-llama/llama-3.3-70b-instruct" },
  ],
});
