import type { ProviderCapabilities } from "../types";

/**
 * What Claude's Messages API offers, read by the engine, the UI (GET /v1/providers) and this
 * adapter's own parameter policy (./request.ts). Not offered: completion templates (the
 * legacy text API is retired), n > 1, logprobs, JSON mode (structured outputs need a closed
 * schema, see ./model-families.ts, where the models that take a JSON schema say so),
 * presence/frequency penalties and seed (no such sampling settings), and temperatures above 1
 * (Anthropic's range is 0 to 1).
 */
export const ANTHROPIC_CAPABILITIES: ProviderCapabilities = {
  chat: true,
  completion: false,
  streaming: true,
  tools: true,
  vision: true,
  jsonMode: false,
  jsonSchema: false,
  multipleChoices: false,
  logprobs: false,
  penalties: false,
  seed: false,
  maxTemperature: 1,
};
