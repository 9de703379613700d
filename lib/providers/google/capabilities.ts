import { OPENAI_FEATURES } from "../openai-features";
import type { ProviderCapabilities } from "../types";

/**
 * What Gemini's generateContent offers, read by the engine, the UI (GET /v1/providers) and
 * this adapter's own parameter policy (./request.ts). Not offered: completion templates and
 * logprobs. n > 1 maps to `candidateCount`, json_object to `responseMimeType`, json_schema to
 * `responseSchema`, penalties and seed to their generationConfig twins; temperature goes up
 * to 2 as OpenAI's does.
 */
export const GOOGLE_CAPABILITIES: ProviderCapabilities = {
  ...OPENAI_FEATURES,
  completion: false,
  logprobs: false,
  penalties: true,
  seed: true,
  maxTemperature: 2,
};
