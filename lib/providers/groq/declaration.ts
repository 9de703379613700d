import { declareOpenAICompatible } from "../openai-compatible/declare";

export const groqDeclaration = declareOpenAICompatible({
  id: "groq",
  displayName: "Groq",
  // API reference: "Defaults to 1".
  defaultTemperature: 1,
  defaultBaseUrl: "https://api.groq.com/openai/v1",
  capabilities: {
    chat: true,
    completion: false, // no legacy /completions endpoint
    streaming: true,
    tools: true,
    vision: true, // Llama 4 Scout / Maverick
    jsonMode: true,
    jsonSchema: true, // structured outputs on supported models
    multipleChoices: false, // Groq rejects n > 1
    logprobs: false, // documented as not supported
  },
  usageInStream: true,
  models: [{ id: "llama-3.3-70b-versatile" }, { id: "llama-3.1-8b-instant" }, { id: "gemma2-9b-it" }, { id: "deepseek-r1-distill-llama-70b" }],
});
