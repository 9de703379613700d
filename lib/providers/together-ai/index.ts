import { createOpenAICompatibleProvider } from "../openai-compatible";

export const togetherAI = createOpenAICompatibleProvider({
  id: "together-ai",
  displayName: "Together AI",
  defaultBaseUrl: "https://api.together.xyz/v1",
  capabilities: {
    chat: true,
    completion: true, // base models via /completions
    streaming: true,
    tools: true,
    vision: true, // Llama 3.2 Vision, Qwen VL
    jsonMode: true,
    jsonSchema: true,
    multipleChoices: true,
    logprobs: true,
  },
});
