import { declareOpenAICompatible } from "../openai-compatible/declare";
import { OPENAI_FEATURES } from "../openai-features";

const CHECKED = "2026-12-03";

export const openaiDeclaration = declareOpenAICompatible({
  id: "openai",
  displayName: "OpenAI",
  // API reference: "Defaults to 1".
  defaultTemperature: 1,
  defaultBaseUrl: "https://api.openai.com/v1",
  // Completion templates too: gpt-3.5-turbo-instruct, davinci-002, babbage-002.
  capabilities: OPENAI_FEATURES,
  usageInStream: true,
  // Standard tier, from the provider's pricing page, checked 2026-12-03.
  models: [
    { id: "gpt-4.1", prices: { inputPerMTok: 2, outputPerMTok: 8, cachedInputPerMTok: 0.5, checked: CHECKED } },
    { id: "gpt-4.1-mini", prices: { inputPerMTok: 0.4, outputPerMTok: 1.6, cachedInputPerMTok: 0.1, checked: CHECKED } },
    { id: "gpt-4.1-nano", prices: { inputPerMTok: 0.1, outputPerMTok: 0.4, cachedInputPerMTok: 0.025, checked: CHECKED } },
    { id: "gpt-4o", prices: { inputPerMTok: 2.5, outputPerMTok: 10, cachedInputPerMTok: 1.25, checked: CHECKED } },
    { id: "gpt-4o-mini", prices: { inputPerMTok: 0.15, outputPerMTok: 0.6, cachedInputPerMTok: 0.075, checked: CHECKED } },
    { id: "o4-mini", prices: { inputPerMTok: 1.1, outputPerMTok: 4.4, cachedInputPerMTok: 0.275, checked: CHECKED } },
    { id: "o3", prices: { inputPerMTok: 2, outputPerMTok: 8, cachedInputPerMTok: 0.5, checked: CHECKED } },
    { id: "o3-mini", prices: { inputPerMTok: 1.1, outputPerMTok: 4.4, cachedInputPerMTok: 0.55, checked: CHECKED } },
    { id: "gpt-3.5-turbo-instruct", prices: { inputPerMTok: 1.5, outputPerMTok: 2, checked: CHECKED } },
  ],
});
