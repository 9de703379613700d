import { createOpenAICompatibleProvider } from "../openai-compatible";

export const mistralAI = createOpenAICompatibleProvider({
  id: "mistral-ai",
  displayName: "Mistral AI",
  defaultBaseUrl: "https://api.mistral.ai/v1",
  capabilities: {
    chat: true,
    completion: false, // only FIM (/fim/completions), which is not the OpenAI completions shape
    streaming: true,
    tools: true,
    vision: true, // Pixtral, Mistral Small/Medium 3
    jsonMode: true,
    jsonSchema: true,
    multipleChoices: true, // `n` is supported (not by every model)
    logprobs: false,
  },
});
