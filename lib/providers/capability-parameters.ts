import type { BooleanCapability, ProviderCapabilities } from "./types";

/** True for a value that asks for nothing (`presence_penalty: 0`, `n: 1`): accepted even when the capability is off. */
export type NoOpTest = (value: unknown) => boolean;

/**
 * The OpenAI parameters each capability gates, with their no-op test. This is the one list
 * behind the declared capabilities: the engine refuses from it before calling, the native
 * adapters build their parameter policies from it (lib/providers/native/parameters.ts), and
 * the playground disables the matching controls.
 */
export const GATED_PARAMETERS: Partial<Record<BooleanCapability, Readonly<Record<string, NoOpTest>>>> = {
  multipleChoices: { n: (value) => value === 1 },
  logprobs: { logprobs: (value) => value === false, top_logprobs: (value) => value === 0 },
  penalties: { presence_penalty: (value) => value === 0, frequency_penalty: (value) => value === 0 },
  // No seed value means "no seed": any one asks for determinism the provider cannot give.
  seed: { seed: () => false },
};

export interface ParameterRefusal {
  param: string;
  message: string;
  code: "unsupported_parameter" | "invalid_parameter";
}

/** A temperature outside 0..maxTemperature; rescaling instead would change what a stored value means. */
export function temperatureRefusal(capabilities: ProviderCapabilities, provider: string, temperature: unknown): ParameterRefusal | null {
  if (typeof temperature !== "number" || (temperature >= 0 && temperature <= capabilities.maxTemperature)) return null;
  return {
    param: "temperature",
    message: `temperature ${temperature} is out of ${provider}'s range (0 to ${capabilities.maxTemperature})`,
    code: "invalid_parameter",
  };
}
