import type { ProviderSetup } from "./setup";
import type { ModelFamily, ProviderCapabilities } from "./types";

/**
 * List prices in US dollars per million tokens, for estimating a run's cost. Only prices a
 * provider publishes belong here: a missing price means "unknown", never zero.
 */
export interface ModelPrices {
  inputPerMTok: number;
  outputPerMTok: number;
  /** Prompt tokens read from the provider's cache; without it they are priced as input. */
  cachedInputPerMTok?: number;
  /** The day (YYYY-MM-DD) the prices were checked against the provider's pricing page. */
  checked: string;
}

/** A model offered as a suggestion in the model field (free text: any name still works). */
export interface ModelDeclaration {
  id: string;
  prices?: ModelPrices;
}

/**
 * Everything known about a provider apart from how to call it: the one place for each of its
 * facts. Pure data with type-only imports, so the zod schemas and forms that run in the
 * browser read the same declaration the adapter is built from; GET /v1/providers serves it.
 */
export interface ProviderDeclaration<Id extends string = string> {
  id: Id;
  displayName: string;
  capabilities: ProviderCapabilities;
  /** Base URL, whether a key and a custom host are required, and the provider's options. */
  setup: ProviderSetup;
  /** Accepts OpenAI's `stream_options: { include_usage: true }` (usage in the last chunk); others may refuse the field. */
  usageInStream: boolean;
  /**
   * The temperature the provider samples at when a request sends none, as its API reference
   * states it; absent when it depends on the model or the server (the editor then says "default").
   */
  defaultTemperature?: number;
  /** Suggested models, most useful first; empty when the models depend on the server. */
  models: ModelDeclaration[];
  /** Where some of its models accept less (or more) than `capabilities` says. */
  modelFamilies?: readonly ModelFamily[];
}

/** The names of a declaration's suggested models. */
export function modelIds(declaration: Pick<ProviderDeclaration, "models"> | null | undefined): string[] {
  return declaration ? declaration.models.map((model) => model.id) : [];
}
