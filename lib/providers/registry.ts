import { anthropic } from "./anthropic";
import { azureOpenAI } from "./azure-openai";
import { deepseek } from "./deepseek";
import { google } from "./google";
import { groq } from "./groq";
import { mistralAI } from "./mistral-ai";
import { ollama } from "./ollama";
import { openai } from "./openai";
import { openAICompatible } from "./openai-compatible";
import { openrouter } from "./openrouter";
import type { ProviderSetup } from "./setup";
import { togetherAI } from "./together-ai";
import { PROVIDER_IDS, type ProviderId } from "./ids";
import type { Provider, ProviderCapabilities } from "./types";

// Adding a provider is: its id in ./ids.ts, its import above, its entry below. The mapped
// type makes a declared id without an adapter, an adapter without an id, or an adapter whose
// `id` differs a compile error.
export { PROVIDER_IDS, type ProviderId } from "./ids";

const registry: { [K in ProviderId]: Provider & { id: K } } = {
  openai,
  anthropic,
  google,
  "azure-openai": azureOpenAI,
  groq,
  "mistral-ai": mistralAI,
  "together-ai": togetherAI,
  deepseek,
  openrouter,
  ollama,
  "openai-compatible": openAICompatible,
};

export function isProviderId(id: string): id is ProviderId {
  return Object.prototype.hasOwnProperty.call(registry, id);
}

export function getProvider(id: string): Provider | undefined {
  return isProviderId(id) ? registry[id] : undefined;
}

export interface ProviderInfo {
  id: ProviderId;
  displayName: string;
  capabilities: ProviderCapabilities;
  /** Null for adapters that do not describe their setup. */
  setup: ProviderSetup | null;
}

/** For the UI (virtual-key form, model settings), in PROVIDER_IDS order. */
export function listProviders(): ProviderInfo[] {
  return PROVIDER_IDS.map((id) => {
    const provider: Provider & { setup?: ProviderSetup } = registry[id];
    return { id, displayName: provider.displayName, capabilities: { ...provider.capabilities }, setup: provider.setup ?? null };
  });
}
