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
  /**
   * The host used when no custom host is set, built from options named in braces
   * (Azure: "https://{resourceName}.openai.azure.com"). Absent when the host is fixed.
   */
  hostTemplate?: string;
}

/** An option's name as the admin API spells it: resourceName → resource_name. */
export function optionParam(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/**
 * The host `template` names, each `{option}` filled (URL-encoded) by `read`; null when an
 * option it needs is missing. `options` are the names it used, for error messages.
 */
export function hostFromTemplate(template: string, read: (name: string) => string | undefined): { url: string; options: string[] } | null {
  const options: string[] = [];
  let missing = false;
  const url = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    options.push(name);
    const value = read(name);
    if (!value) missing = true;
    return encodeURIComponent(value ?? "");
  });
  return missing ? null : { url, options };
}
