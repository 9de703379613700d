import { PROVIDER_IDS } from "@/lib/providers/ids";

/** The providers a virtual key may name: exactly the registry's (lib/providers/ids.ts). */
export const VIRTUAL_KEY_PROVIDERS = PROVIDER_IDS;

export type VirtualKeyProvider = (typeof VIRTUAL_KEY_PROVIDERS)[number];

// Local servers often run without authentication.
export const PROVIDERS_WITHOUT_KEY: ReadonlySet<string> = new Set(["ollama", "openai-compatible"]);

// Providers that have no default base URL: the key is useless without one.
export const PROVIDERS_NEEDING_HOST: ReadonlySet<string> = new Set(["openai-compatible"]);
