import { createOpenAICompatibleProvider } from "./create-provider";
import { openAICompatibleDeclaration } from "./declaration";

/** Any server speaking OpenAI's API: its base URL is the key's custom host. */
export const openAICompatible = createOpenAICompatibleProvider(openAICompatibleDeclaration);
