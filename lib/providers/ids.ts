/**
 * Every provider a virtual key can name: the one list. It imports no adapter, so the zod
 * schemas and UI forms can use it without pulling adapters into a client bundle; the
 * registry's mapped type makes an id here without an adapter a compile error.
 */
export const PROVIDER_IDS = [
  "openai",
  "anthropic",
  "google",
  "azure-openai",
  "groq",
  "mistral-ai",
  "together-ai",
  "deepseek",
  "openrouter",
  "ollama",
  "openai-compatible",
] as const;

export type ProviderId = (typeof PROVIDER_IDS)[number];
