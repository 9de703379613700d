import { bearerAuth, createOpenAICompatibleProvider } from "../openai-compatible";
import { openrouterDeclaration } from "./declaration";

export const openrouter = createOpenAICompatibleProvider({
  ...openrouterDeclaration,
  // Optional attribution headers: requests show up under this app name in OpenRouter's logs.
  buildHeaders: (credentials) => ({ ...bearerAuth(credentials), "x-title": "Promptly" }),
});
