import { createOpenAICompatibleProvider } from "../openai-compatible";

/** Ollama's OpenAI-compatible API; point the custom host at another machine's :11434/v1. */
export const ollama = createOpenAICompatibleProvider({
  id: "ollama",
  displayName: "Ollama",
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
  setup: { apiKeyRequired: false },
});
