import { declareOpenAICompatible } from "../openai-compatible/declare";
import { OPENAI_FEATURES } from "../openai-features";

export const openaiDeclaration = declareOpenAICompatible({
  id: "openai",
  displayName: "OpenAI",
  defaultBaseUrl: "https://api.openai.com/v1",
  // Completion templates too: gpt-3.5-turbo-instruct, davinci-002, babbage-002.
  capabilities: OPENAI_FEATURES,
  usageInStream: true,
  models: [
    { id: "gpt-4.1" },
    { id: "gpt-4.1-mini" },
    { id: "gpt-4.1-nano" },
    { id: "gpt-4o" },
    { id: "gpt-4o-mini" },
    { id: "o4-mini" },
    { id: "o3" },
    { id: "o3-mini" },
    { id: "gpt-3.5-turbo-instruct" },
  ],
});
