import { createOpenAICompatibleProvider } from "../openai-compatible";
import { OPENAI_FEATURES } from "../openai-features";

export const openai = createOpenAICompatibleProvider({
  id: "openai",
  displayName: "OpenAI",
  defaultBaseUrl: "https://api.openai.com/v1",
  // Completion templates too: gpt-3.5-turbo-instruct, davinci-002, babbage-002.
  capabilities: OPENAI_FEATURES,
});
