import { OPENAI_FEATURES } from "../openai-features";
import type { ProviderCapabilities } from "../types";

/**
 * What current Gemini models offer through generateContent, read by the engine, the UI
 * (GET /v1/providers) and this adapter's own parameter policy (./request.ts); older models
 * that differ are in ./model-families.ts. Not offered: completion templates, logprobs,
 * penalties (which Gemini 2.5 and later refuse) and n > 1 (Gemini 3 answers one candidate;
 * Gemini 2.x maps n to `candidateCount`). json_object maps to `responseMimeType`, json_schema
 * to `responseJsonSchema`, seed to its generationConfig twin; temperature goes up to 2 as
 * OpenAI's does.
 */
export const GOOGLE_CAPABILITIES: ProviderCapabilities = {
  ...OPENAI_FEATURES,
  completion: false,
  logprobs: false,
  penalties: false,
  multipleChoices: false,
  seed: true,
  maxTemperature: 2,
};
