import type { ProviderDeclaration } from "../declaration";
import { GOOGLE_CAPABILITIES } from "./capabilities";
import { GOOGLE_MODEL_FAMILIES } from "./model-families";

export const GOOGLE_DEFAULT_BASE_URL = "https://generativelanguage.googleapis.com";

/** Gemini through the Generative Language API; what it cannot honour is in ./capabilities.ts. */
export const googleDeclaration: ProviderDeclaration<"google"> = {
  id: "google",
  displayName: "Google Gemini",
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
  models: [],
  modelFamilies: GOOGLE_MODEL_FAMILIES,
};
