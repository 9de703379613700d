import { createOpenAICompatibleProvider } from "../openai-compatible";

export const groq = createOpenAICompatibleProvider({
  id: "groq",
  displayName: "Groq",
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
});
