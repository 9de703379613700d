import type { ProviderDeclaration } from "../declaration";
import { ANTHROPIC_CAPABILITIES } from "./capabilities";
import { ANTHROPIC_MODEL_FAMILIES } from "./model-families";

export const ANTHROPIC_DEFAULT_BASE_URL = "https://api.anthropic.com";

/** Claude through the Messages API; what it cannot honour is in ./capabilities.ts. */
export const anthropicDeclaration: ProviderDeclaration<"anthropic"> = {
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
  // The adapter translates Claude's stream, which has no stream_options to accept.
  usageInStream: false,
  models: [],
  modelFamilies: ANTHROPIC_MODEL_FAMILIES,
};
