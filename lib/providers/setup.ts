/**
 * What a provider needs configured, for the virtual-key form and for validation.
 * Kept apart from types.ts (the engine contract) because only setup screens care.
 */
export interface ProviderOptionSpec {
  /** Key in ProviderCredentials.options, e.g. "deploymentName". */
  name: string;
  label: string;
  /** Required unless a custom host stands in for it (see `requiredWithoutCustomHost`). */
  required: boolean;
  requiredWithoutCustomHost?: boolean;
  default?: string;
}

export interface ProviderSetup {
  /** Null when the provider has no public endpoint and a custom host is mandatory. */
  defaultBaseUrl: string | null;
  apiKeyRequired: boolean;
  customHostRequired: boolean;
  /** What a custom host replaces, shown as a hint (e.g. "https://{resource}.openai.azure.com"). */
  customHostReplaces: string;
  options: ProviderOptionSpec[];
}
