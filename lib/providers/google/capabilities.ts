import { OPENAI_FEATURES } from "../openai-features";
import type { ProviderCapabilities } from "../types";

/**
 * What current Gemini models offer through generateContent, read by the engine, the UI
 * (GET /v1/providers) and this adapter's own parameter policy (./request.ts); older models
 * that differ are in ./model-families.ts. Not offered: completion templates, logprobs and
 * penalties (which Gemini 2.5 and later refuse). n > 1 maps to `candidateCount`, json_object
 * to `responseMimeType`, json_schema to `responseSchema`, seed to its generationConfig twin;
 * temperature goes up to 2 as OpenAI's does.
 */
export const GOOGLE_CAPABILITIES: ProviderCapabilities = {
  ...OPENAI_FEATURES,
  completion: false,
  logprobs: false,
  penalties: false,
  seed: true,
  maxTemperature: 2,
};
