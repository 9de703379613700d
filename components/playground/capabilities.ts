import type { ProviderInfo } from "@/lib/hooks/use-providers";
import { modelCapabilities, modelLabel } from "@/lib/providers/model-policy";
import type { BooleanCapability } from "@/lib/providers/types";

export type Capability = BooleanCapability;

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
  penalties: "presence or frequency penalties",
  seed: "a sampling seed",
};

/** OpenAI's temperature range, and every provider's that declares nothing lower. */
export const MAX_TEMPERATURE = 2;

/**
 * Why a control is disabled for the selected key's provider and model, or null when it can
 * be used. Unknown providers (no adapter yet) and "no key chosen" leave everything enabled:
 * the API then explains what is wrong when the prompt runs. A provider-wide gap is worded for
 * the provider, a gap of some of its models for the model.
 */
export function unsupportedReason(provider: ProviderInfo | null, capability: Capability, model = ""): string | null {
  if (!provider || modelCapabilities(provider, model.trim())[capability]) return null;
  const who = provider.capabilities[capability] || !model.trim() ? modelLabel(provider, model.trim()) : provider.displayName;
  return `${who} does not support ${WHAT[capability]}`;
}

/**
 * The temperature range the selected key's provider accepts (Anthropic's is 0-1): the slider
 * stops there and a typed value above it is flagged before the engine refuses the run.
 */
export function temperatureLimit(provider: ProviderInfo | null): { max: number; reason: string | null } {
  const max = Math.min(provider?.capabilities.maxTemperature ?? MAX_TEMPERATURE, MAX_TEMPERATURE);
  return { max, reason: provider && max < MAX_TEMPERATURE ? `${provider.displayName} accepts temperatures from 0 to ${max}` : null };
}
