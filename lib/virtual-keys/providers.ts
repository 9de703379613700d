/**
 * The providers a virtual key may name: every adapter in lib/providers/registry.ts. Kept apart from the registry so the
 * schemas (also used by UI forms) don't pull every adapter into a client bundle; a unit
 * test keeps the two lists from drifting.
 */
export const VIRTUAL_KEY_PROVIDERS = [
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

export type VirtualKeyProvider = (typeof VIRTUAL_KEY_PROVIDERS)[number];

// Local servers often run without authentication.
export const PROVIDERS_WITHOUT_KEY: ReadonlySet<string> = new Set(["ollama", "openai-compatible"]);

// Providers that have no default base URL: the key is useless without one.
export const PROVIDERS_NEEDING_HOST: ReadonlySet<string> = new Set(["openai-compatible"]);
