import { GATED_PARAMETERS } from "../capability-parameters";
import { checkForModel, type ModelAware } from "../model-policy";
import type { BooleanCapability } from "../types";
import { RequestMappingError } from "./mapping-error";

/**
 * Which OpenAI body keys a native adapter maps, drops or refuses. Every key of the body must
 * fall in one of these lists: OpenAI itself rejects an unrecognised argument, so an unknown
 * key (a typo, another vendor's extension) is refused too rather than silently lost.
 */
export interface ParameterPolicy {
  /** Translated by the adapter. */
  handled: readonly string[];
  /** OpenAI knobs with no effect on the answer (usage reporting, storage, tiers): dropped. */
  ignored: readonly string[];
  /**
   * Settings the provider has no equivalent for, each with a test for its no-op value
   * (`presence_penalty: 0`, `n: 1`...): a no-op is accepted, anything else is a 400.
   */
  unsupported: Readonly<Record<string, (value: unknown) => boolean>>;
}

/** Throws RequestMappingError naming the first key the provider cannot honour. */
export function checkParameters(body: Record<string, unknown>, policy: ParameterPolicy, provider: string): void {
  const handled = new Set(policy.handled);
  const ignored = new Set(policy.ignored);
  for (const [key, value] of Object.entries(body)) {
    if (value === undefined || value === null || handled.has(key) || ignored.has(key)) continue;
    const isNoOp = policy.unsupported[key];
    if (isNoOp) {
      if (!isNoOp(value)) throw new RequestMappingError(key, `parameter '${key}' is not supported by ${provider}`);
      continue;
    }
    throw new RequestMappingError(key, `unknown parameter '${key}': ${provider} has no equivalent`, "unknown_parameter");
  }
}

/**
 * The adapter's policy completed from its declared capabilities, so what the UI and the
 * engine read and what the adapter refuses cannot drift: a gated parameter whose capability
 * is off for the provider and every model family joins `unsupported` (with its no-op test);
 * where only some families lack it, `modelChecked` refuses it for their models. Declaring a
 * capability the adapter does not map, or mapping a parameter declared unsupported, throws
 * when the module loads.
 */
export function declaredPolicy(provider: ModelAware, policy: ParameterPolicy): ParameterPolicy {
  const name = provider.displayName;
  const unsupported = { ...policy.unsupported };
  const declared = (capability: BooleanCapability) =>
    provider.capabilities[capability] || (provider.modelFamilies ?? []).some((family) => family.capabilities?.[capability] === true);
  for (const [capability, parameters] of Object.entries(GATED_PARAMETERS) as [BooleanCapability, Record<string, (value: unknown) => boolean>][]) {
    for (const [param, isNoOp] of Object.entries(parameters)) {
      const mapped = policy.handled.includes(param);
      if (declared(capability) && !mapped) throw new Error(`${name} declares ${capability} but does not map '${param}'`);
      if (declared(capability)) continue;
      if (mapped) throw new Error(`${name} maps '${param}' but declares no ${capability}`);
      if (param in unsupported) throw new Error(`${name} lists '${param}' itself: it comes from the ${capability} capability`);
      unsupported[param] = isNoOp;
    }
  }
  return { ...policy, unsupported };
}

/**
 * The body as this model takes it: what the model's declaration refuses (a parameter, a pair,
 * a prefill) throws a RequestMappingError naming it and the model; a value the model only
 * accepts as its default is removed, since sending it changes nothing.
 */
export function modelChecked(provider: ModelAware, body: Record<string, unknown>): Record<string, unknown> {
  const checked = checkForModel(provider, body);
  if (checked.refusal) throw new RequestMappingError(checked.refusal.param, checked.refusal.message, checked.refusal.code);
  return checked.body;
}

/** No-op tests for the common OpenAI settings. */
export const noOp = {
  zero: (value: unknown) => value === 0,
  one: (value: unknown) => value === 1,
  isFalse: (value: unknown) => value === false,
  isTrue: (value: unknown) => value === true,
  empty: (value: unknown) =>
    (Array.isArray(value) && value.length === 0) ||
    (typeof value === "object" && value !== null && Object.keys(value).length === 0),
  textOnly: (value: unknown) => Array.isArray(value) && value.every((m) => m === "text"),
  never: () => false,
} as const;

/**
 * OpenAI-only request fields no native API has: accepted only where they would change
 * nothing (an empty logit_bias or functions list, text-only modalities), refused otherwise.
 */
export const OPENAI_ONLY_FIELDS = {
  logit_bias: noOp.empty,
  functions: noOp.empty,
  function_call: noOp.never,
  modalities: noOp.textOnly,
  audio: noOp.never,
  prediction: noOp.never,
  reasoning_effort: noOp.never,
  web_search_options: noOp.never,
} as const;

/** `stop` as a list: OpenAI takes a string or an array of strings. */
export function stopSequences(stop: unknown): string[] | undefined {
  if (stop === undefined || stop === null) return undefined;
  if (typeof stop === "string") return stop ? [stop] : undefined;
  if (Array.isArray(stop) && stop.every((s) => typeof s === "string")) return stop.length > 0 ? stop : undefined;
  throw new RequestMappingError("stop", "stop must be a string or an array of strings", "invalid_parameter");
}

/** `max_completion_tokens` (the current name) wins over the deprecated `max_tokens`. */
export function maxTokensOf(body: Record<string, unknown>): number | undefined {
  for (const key of ["max_completion_tokens", "max_tokens"] as const) {
    const value = body[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== "number" || !Number.isInteger(value) || value <= 0) {
      throw new RequestMappingError(key, `${key} must be a positive integer`, "invalid_parameter");
    }
    return value;
  }
  return undefined;
}

/** A number parameter, type-checked (the request schema checks overrides, not stored values). */
export function numberParam(body: Record<string, unknown>, key: string): number | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new RequestMappingError(key, `${key} must be a number`, "invalid_parameter");
  }
  return value;
}
