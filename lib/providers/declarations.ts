import { anthropicDeclaration } from "./anthropic/declaration";
import { azureOpenAIDeclaration } from "./azure-openai/declaration";
import type { ProviderDeclaration } from "./declaration";
import { deepseekDeclaration } from "./deepseek/declaration";
import { googleDeclaration } from "./google/declaration";
import { groqDeclaration } from "./groq/declaration";
import { PROVIDER_IDS, type ProviderId } from "./ids";
import { mistralAIDeclaration } from "./mistral-ai/declaration";
import { ollamaDeclaration } from "./ollama/declaration";
import { openaiDeclaration } from "./openai/declaration";
import { openAICompatibleDeclaration } from "./openai-compatible/declaration";
import { openrouterDeclaration } from "./openrouter/declaration";
import { togetherAIDeclaration } from "./together-ai/declaration";

/**
 * Every provider's declaration, by id. Browser-safe (pure data): the zod schemas and forms
 * read it directly, the playground through GET /v1/providers. The mapped type makes an id
 * without a declaration, or a declaration under another id, a compile error.
 */
const DECLARATIONS: { [K in ProviderId]: ProviderDeclaration<K> } = {
  openai: openaiDeclaration,
  anthropic: anthropicDeclaration,
  google: googleDeclaration,
  "azure-openai": azureOpenAIDeclaration,
  groq: groqDeclaration,
  "mistral-ai": mistralAIDeclaration,
  "together-ai": togetherAIDeclaration,
  deepseek: deepseekDeclaration,
  openrouter: openrouterDeclaration,
  ollama: ollamaDeclaration,
  "openai-compatible": openAICompatibleDeclaration,
};

/** What GET /v1/providers answers for one provider. */
export type ProviderInfo = ProviderDeclaration<ProviderId>;

export function providerDeclaration(id: string): ProviderInfo | undefined {
  return Object.prototype.hasOwnProperty.call(DECLARATIONS, id) ? DECLARATIONS[id as ProviderId] : undefined;
}

/** Every declaration in PROVIDER_IDS order, as copies: a caller cannot alter what the engine checks. */
export function listDeclarations(): ProviderInfo[] {
  return PROVIDER_IDS.map((id) => structuredClone(DECLARATIONS[id]) as ProviderInfo);
}
