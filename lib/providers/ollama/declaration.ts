import { declareOpenAICompatible } from "../openai-compatible/declare";

/** Ollama's OpenAI-compatible API; point the custom host at another machine's :11434/v1. */
export const ollamaDeclaration = declareOpenAICompatible({
  id: "ollama",
  displayName: "Ollama",
  // Modelfile reference: default 0.8 (a model's own Modelfile may set another).
  defaultTemperature: 0.8,
  defaultBaseUrl: "http://127.0.0.1:11434/v1",
  capabilities: {
    chat: true,
    completion: true,
    streaming: true,
    tools: true,
    vision: true, // llava, llama3.2-vision, gemma3
    jsonMode: true,
    jsonSchema: true, // structured outputs
    multipleChoices: false, // n is ignored
    logprobs: false,
  },
  // Local servers often run without authentication.
  setup: { apiKeyRequired: false },
  usageInStream: true,
  models: [{ id: "llama3.2" }, { id: "llama3.1" }, { id: "qwen2.5" }, { id: "mistral" }, { id: "gemma3" }, { id: "phi4" }],
});
