import { providerDeclaration } from "@/lib/providers/declarations";
import { PROVIDER_IDS } from "@/lib/providers/ids";
import { optionParam } from "@/lib/providers/setup";

/** The providers a virtual key may name: exactly the registry's (lib/providers/ids.ts). */
export const VIRTUAL_KEY_PROVIDERS = PROVIDER_IDS;

export type VirtualKeyProvider = (typeof VIRTUAL_KEY_PROVIDERS)[number];

/** Whether a key for this provider needs a secret (local servers often run without one). */
export function keyRequired(provider: string): boolean {
  return providerDeclaration(provider)?.setup.apiKeyRequired ?? true;
}

/** Whether a key for this provider needs a custom host (no default base URL to fall back on). */
export function hostRequired(provider: string): boolean {
  return providerDeclaration(provider)?.setup.customHostRequired ?? false;
}

/** The declared options (snake_case, as the admin API names them) required when no custom host is set. */
export function optionsRequiredWithoutHost(provider: string): string[] {
  const options = providerDeclaration(provider)?.setup.options ?? [];
  return options.filter((option) => option.requiredWithoutCustomHost).map((option) => optionParam(option.name));
}
