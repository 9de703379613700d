import { declareOpenAICompatible } from "../openai-compatible/declare";

export const mistralAIDeclaration = declareOpenAICompatible({
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
  // Not known to accept stream_options: runs stream without it and show a chunk count.
  usageInStream: false,
  models: [
    { id: "mistral-large-latest" },
    { id: "mistral-medium-latest" },
    { id: "mistral-small-latest" },
    { id: "open-mistral-nemo" },
    { id: "codestral-latest" },
  ],
});
