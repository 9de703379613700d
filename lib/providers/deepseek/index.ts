import { createOpenAICompatibleProvider } from "../openai-compatible";
import { deepseekDeclaration } from "./declaration";

/** Completion templates go to DeepSeek's FIM endpoint, which only exists under /beta. */
const BETA_BASE_URL = "https://api.deepseek.com/beta";

export const deepseek = createOpenAICompatibleProvider({
  ...deepseekDeclaration,
  buildUrl: ({ kind, customHost, endpoint }) => {
    if (customHost) return `${customHost}/${endpoint}`;
    return kind === "completion" ? `${BETA_BASE_URL}/completions` : `https://api.deepseek.com/v1/${endpoint}`;
  },
});
