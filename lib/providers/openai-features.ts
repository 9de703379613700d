import type { ProviderCapabilities } from "./types";

/**
 * Every feature switch OpenAI's API offers, all on. A provider's capability table starts
 * from this and names only where it differs, so what a declaration says is its difference.
 */
export const OPENAI_FEATURES = {
  chat: true,
  completion: true,
  streaming: true,
  tools: true,
  vision: true,
  jsonMode: true,
  jsonSchema: true,
  multipleChoices: true,
  logprobs: true,
} as const satisfies Partial<ProviderCapabilities>;
