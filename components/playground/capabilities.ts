import type { ProviderInfo } from "@/lib/hooks/use-providers";

export type Capability = keyof ProviderInfo["capabilities"];

const WHAT: Record<Capability, string> = {
  chat: "chat templates",
  completion: "completion templates",
  streaming: "streaming",
  tools: "tools",
  vision: "image inputs",
  jsonMode: "JSON mode",
  jsonSchema: "JSON schema output",
  multipleChoices: "several choices (n > 1)",
  logprobs: "log probabilities",
};

/**
 * Why a control is disabled for the selected key's provider, or null when it can be used.
 * Unknown providers (no adapter yet) and "no key chosen" leave everything enabled: the API
 * then explains what is wrong when the prompt runs.
 */
export function unsupportedReason(provider: ProviderInfo | null, capability: Capability): string | null {
  if (!provider || provider.capabilities[capability]) return null;
  return `${provider.displayName} does not support ${WHAT[capability]}`;
}
