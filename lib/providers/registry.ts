import { anthropic } from "./anthropic";
import { azureOpenAI } from "./azure-openai";
import { deepseek } from "./deepseek";
import { listDeclarations, type ProviderInfo } from "./declarations";
import { google } from "./google";
import { groqDeclaration } from "./groq/declaration";
import { type ProviderId } from "./ids";
import { mistralAIDeclaration } from "./mistral-ai/declaration";
import { ollamaDeclaration } from "./ollama/declaration";
import { openaiDeclaration } from "./openai/declaration";
import { createOpenAICompatibleProvider, openAICompatible } from "./openai-compatible";
import { openrouter } from "./openrouter";
import { togetherAIDeclaration } from "./together-ai/declaration";
import type { Provider } from "./types";

// Adding a provider is: its id in ./ids.ts, its declaration (./<id>/declaration.ts) listed in
// ./declarations.ts, and its adapter below. A server speaking OpenAI's format exactly needs no
// adapter code: its declaration is enough. The mapped type makes a declared id without an
// adapter, an adapter without an id, or an adapter whose `id` differs a compile error.
export { PROVIDER_IDS, type ProviderId } from "./ids";
export type { ProviderInfo } from "./declarations";

const registry: { [K in ProviderId]: Provider & { id: K } } = {
  openai: createOpenAICompatibleProvider(openaiDeclaration),
  anthropic,
  google,
  "azure-openai": azureOpenAI,
  groq: createOpenAICompatibleProvider(groqDeclaration),
  "mistral-ai": createOpenAICompatibleProvider(mistralAIDeclaration),
  "together-ai": createOpenAICompatibleProvider(togetherAIDeclaration),
  deepseek,
  openrouter,
  ollama: createOpenAICompatibleProvider(ollamaDeclaration),
  "openai-compatible": openAICompatible,
};

export function isProviderId(id: string): id is ProviderId {
  return Object.prototype.hasOwnProperty.call(registry, id);
}

export function getProvider(id: string): Provider | undefined {
  return isProviderId(id) ? registry[id] : undefined;
}

/** For the UI (virtual-key form, model settings, playground), in PROVIDER_IDS order. */
export function listProviders(): ProviderInfo[] {
  return listDeclarations();
}
