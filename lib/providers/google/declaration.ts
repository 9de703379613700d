import type { ProviderDeclaration } from "../declaration";
import { GOOGLE_CAPABILITIES } from "./capabilities";
import { GOOGLE_MODEL_FAMILIES } from "./model-families";

const CHECKED = "2026-12-03";

export const GOOGLE_DEFAULT_BASE_URL = "https://generativelanguage.googleapis.com";

/** Gemini through the Generative Language API; what it cannot honour is in ./capabilities.ts. */
export const googleDeclaration: ProviderDeclaration<"google"> = {
  id: "google",
  displayName: "Google Gemini",
  // Gemini 2.0 and later: 1.0.
  defaultTemperature: 1,
  capabilities: GOOGLE_CAPABILITIES,
  setup: {
    defaultBaseUrl: GOOGLE_DEFAULT_BASE_URL,
    apiKeyRequired: true,
    customHostRequired: false,
    customHostReplaces: "https://generativelanguage.googleapis.com (with or without /v1beta)",
    options: [],
  },
  // The adapter translates Gemini's stream, which has no stream_options to accept.
  usageInStream: false,
  // Paid tier, prompts up to 200k tokens, from the provider's pricing page, checked 2026-12-03.
  models: [
    { id: "gemini-2.5-pro", prices: { inputPerMTok: 1.25, outputPerMTok: 10, checked: CHECKED } },
    { id: "gemini-2.5-flash", prices: { inputPerMTok: 0.3, outputPerMTok: 2.5, checked: CHECKED } },
    { id: "gemini-2.5-flash-lite", prices: { inputPerMTok: 0.1, outputPerMTok: 0.4, checked: CHECKED } },
    { id: "gemini-2.0-flash", prices: { inputPerMTok: 0.1, outputPerMTok: 0.4, checked: CHECKED } },
  ],
  modelFamilies: GOOGLE_MODEL_FAMILIES,
};
