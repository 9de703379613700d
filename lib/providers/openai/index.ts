import { createOpenAICompatibleProvider } from "../openai-compatible";

export const openai = createOpenAICompatibleProvider({
  id: "openai",
  displayName: "OpenAI",
  defaultBaseUrl: "https://api.openai.com/v1",
  capabilities: {
    chat: true,
    completion: true, // gpt-3.5-turbo-instruct, davinci-002, babbage-002
    streaming: true,
    tools: true,
    vision: true,
    jsonMode: true,
    jsonSchema: true,
    multipleChoices: true,
    logprobs: true,
  },
});
