import type { ProviderDeclaration } from "../declaration";
import { ANTHROPIC_CAPABILITIES } from "./capabilities";
import { ANTHROPIC_MODEL_FAMILIES } from "./model-families";

const CHECKED = "2026-12-03";

export const ANTHROPIC_DEFAULT_BASE_URL = "https://api.anthropic.com";

/** Claude through the Messages API; what it cannot honour is in ./capabilities.ts. */
export const anthropicDeclaration: ProviderDeclaration<"anthropic"> = {
  id: "anthropic",
  displayName: "Anthropic",
  // Messages API: "Defaults to 1.0".
  defaultTemperature: 1,
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
  // From the provider's pricing page, checked 2026-12-03 (cached = cache hits; cache writes are not priced).
  models: [
    { id: "claude-sonnet-4-5", prices: { inputPerMTok: 3, outputPerMTok: 15, cachedInputPerMTok: 0.3, checked: CHECKED } },
    { id: "claude-haiku-4-5", prices: { inputPerMTok: 1, outputPerMTok: 5, cachedInputPerMTok: 0.1, checked: CHECKED } },
    { id: "claude-opus-4-5", prices: { inputPerMTok: 5, outputPerMTok: 25, cachedInputPerMTok: 0.5, checked: CHECKED } },
    { id: "claude-opus-4-1", prices: { inputPerMTok: 15, outputPerMTok: 75, cachedInputPerMTok: 1.5, checked: CHECKED } },
    { id: "claude-sonnet-4-0", prices: { inputPerMTok: 3, outputPerMTok: 15, cachedInputPerMTok: 0.3, checked: CHECKED } },
    { id: "claude-opus-4-0", prices: { inputPerMTok: 15, outputPerMTok: 75, cachedInputPerMTok: 1.5, checked: CHECKED } },
    { id: "claude-3-7-sonnet-latest", prices: { inputPerMTok: 3, outputPerMTok: 15, cachedInputPerMTok: 0.3, checked: CHECKED } },
    { id: "claude-3-5-haiku-latest", prices: { inputPerMTok: 0.8, outputPerMTok: 4, cachedInputPerMTok: 0.08, checked: CHECKED } },
    { id: "claude-3-haiku-20240307", prices: { inputPerMTok: 0.25, outputPerMTok: 1.25, cachedInputPerMTok: 0.03, checked: CHECKED } },
  ],
  modelFamilies: ANTHROPIC_MODEL_FAMILIES,
};
