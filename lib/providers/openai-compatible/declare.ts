import type { ProviderDeclaration } from "../declaration";
import type { ProviderSetup } from "../setup";
import type { ProviderCapabilities } from "../types";

/**
 * Servers speaking OpenAI's format take its sampling parameters (penalties, seed, temperature
 * 0-2) and decide themselves what to do with them: no provider of this family overrides it.
 */
const OPENAI_SAMPLING = { penalties: true, seed: true, maxTemperature: 2 } as const satisfies Partial<ProviderCapabilities>;

export interface OpenAICompatibleDeclarationInput<Id extends string> extends Omit<ProviderDeclaration<Id>, "capabilities" | "setup"> {
  /** Includes the version path (".../v1"); null when a custom host is mandatory. */
  defaultBaseUrl: string | null;
  /** What differs between these servers; the sampling knobs default to OpenAI's. */
  capabilities: Omit<ProviderCapabilities, keyof typeof OPENAI_SAMPLING> & Partial<Pick<ProviderCapabilities, keyof typeof OPENAI_SAMPLING>>;
  /** Setup hints beyond the base URL (defaults: key required, custom host optional, no options). */
  setup?: Partial<Omit<ProviderSetup, "defaultBaseUrl">>;
}

/**
 * The declaration of a provider speaking OpenAI's wire format, with this family's defaults
 * filled in. Browser-safe: no adapter code is imported.
 */
export function declareOpenAICompatible<Id extends string>(input: OpenAICompatibleDeclarationInput<Id>): ProviderDeclaration<Id> {
  const { defaultBaseUrl, capabilities, setup, ...rest } = input;
  return {
    ...rest,
    capabilities: { ...OPENAI_SAMPLING, ...capabilities },
    setup: {
      ...setup,
      defaultBaseUrl,
      apiKeyRequired: setup?.apiKeyRequired ?? true,
      customHostRequired: setup?.customHostRequired ?? defaultBaseUrl === null,
      customHostReplaces: setup?.customHostReplaces ?? "the base URL, including its /v1",
      options: setup?.options ?? [],
    },
  };
}
