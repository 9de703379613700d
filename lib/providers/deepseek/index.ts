import { createOpenAICompatibleProvider } from "../openai-compatible";

/** Completion templates go to DeepSeek's FIM endpoint, which only exists under /beta. */
const BETA_BASE_URL = "https://api.deepseek.com/beta";

export const deepseek = createOpenAICompatibleProvider({
  id: "deepseek",
  displayName: "DeepSeek",
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
  buildUrl: ({ kind, customHost, endpoint }) => {
    if (customHost) return `${customHost}/${endpoint}`;
    return kind === "completion" ? `${BETA_BASE_URL}/completions` : `https://api.deepseek.com/v1/${endpoint}`;
  },
});
