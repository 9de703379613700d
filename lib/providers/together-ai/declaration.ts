import { declareOpenAICompatible } from "../openai-compatible/declare";

export const togetherAIDeclaration = declareOpenAICompatible({
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
  usageInStream: true,
  models: [
    { id: "meta-llama/Llama-3.3-70B-Instruct-Turbo" },
    { id: "Qwen/Qwen2.5-72B-Instruct-Turbo" },
    { id: "deepseek-ai/DeepSeek-V3" },
    { id: "mistralai/Mixtral-8x7B-Instruct-v0.1" },
  ],
});
