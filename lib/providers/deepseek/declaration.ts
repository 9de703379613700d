import { declareOpenAICompatible } from "../openai-compatible/declare";

export const deepseekDeclaration = declareOpenAICompatible({
  id: "deepseek",
  displayName: "DeepSeek",
  // API reference: default 1.
  defaultTemperature: 1,
  defaultBaseUrl: "https://api.deepseek.com/v1",
  capabilities: {
    chat: true,
    completion: true, // FIM completion (beta), deepseek-chat only
    streaming: true,
    tools: true,
    vision: false,
    jsonMode: true,
    jsonSchema: false, // json_object only
    multipleChoices: false,
    logprobs: true, // deepseek-chat; not deepseek-reasoner
  },
  usageInStream: true,
  models: [{ id: "deepseek-chat" }, { id: "deepseek-reasoner" }],
});
