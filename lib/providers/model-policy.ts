import { GATED_PARAMETERS, temperatureRefusal, type ParameterRefusal } from "./capability-parameters";
import type { BooleanCapability, ModelFamily, ParameterRule, ProviderCapabilities } from "./types";

/**
 * What one model of a provider accepts, read from the provider's declaration: the engine
 * refuses or drops from it before calling, the native adapters apply it to what they build,
 * and the prompt editor flags stored settings with it. Browser-safe: pure functions of data.
 */

/** The part of a declaration (or a provider built from one) that says what its models accept. */
export interface ModelAware {
  displayName: string;
  capabilities: ProviderCapabilities;
  modelFamilies?: readonly ModelFamily[];
}

/** The family with the longest prefix of the model's name, or null. */
export function modelFamily(provider: Pick<ModelAware, "modelFamilies">, model: unknown): ModelFamily | null {
  if (typeof model !== "string" || !provider.modelFamilies) return null;
  const name = model.replace(/^models\//, "").toLowerCase();
  let best: ModelFamily | null = null;
  let bestLength = -1;
  for (const family of provider.modelFamilies) {
    for (const prefix of family.prefixes) {
      if (name.startsWith(prefix) && prefix.length > bestLength) {
        best = family;
        bestLength = prefix.length;
      }
    }
  }
  return best;
}

/** The provider's capabilities as they apply to this model. */
export function modelCapabilities(provider: ModelAware, model: unknown): ProviderCapabilities {
  const family = modelFamily(provider, model);
  return family?.capabilities ? { ...provider.capabilities, ...family.capabilities } : provider.capabilities;
}

/** "Anthropic model 'claude-opus-4-7'", or the provider alone when there is no model. */
export function modelLabel(provider: Pick<ModelAware, "displayName">, model: unknown): string {
  return typeof model === "string" && model ? `${provider.displayName} model '${model}'` : provider.displayName;
}

export interface ParameterReview {
  /** Parameters set to a value the model ignores: removed before sending, nothing lost. */
  noOps: string[];
  /** Parameters the model refuses, in body order. */
  refusals: ParameterRefusal[];
}

/**
 * Which parameters of an OpenAI body this model refuses, and which it would ignore. Covers the
 * gated parameters of its capabilities (n, logprobs, penalties, seed), the temperature range,
 * the family's own rules and its exclusive pairs.
 */
export function reviewParameters(provider: ModelAware, body: Record<string, unknown>): ParameterReview {
  const model = body.model;
  const family = modelFamily(provider, model);
  const capabilities = modelCapabilities(provider, model);
  const who = modelLabel(provider, model);
  const noOps: string[] = [];
  const refusals: ParameterRefusal[] = [];
  const isSet = (key: string) => body[key] !== undefined && body[key] !== null && !noOps.includes(key);

  for (const [capability, parameters] of Object.entries(GATED_PARAMETERS) as [BooleanCapability, Record<string, (value: unknown) => boolean>][]) {
    if (capabilities[capability]) continue;
    for (const [param, isNoOp] of Object.entries(parameters)) {
      if (!isSet(param) || isNoOp(body[param])) continue;
      refusals.push({ param, message: `parameter '${param}' is not supported by ${who}`, code: "unsupported_parameter" });
    }
  }
  for (const [param, rule] of Object.entries(family?.parameters ?? {})) {
    if (!isSet(param)) continue;
    if (accepts(rule, body[param])) noOps.push(param);
    else refusals.push({ param, message: `parameter '${param}' is not supported by ${who}${acceptedNote(rule)}`, code: "unsupported_parameter" });
  }
  if (!refusals.some((r) => r.param === "temperature") && isSet("temperature")) {
    const range = temperatureRefusal(capabilities, provider.displayName, body.temperature);
    if (range) refusals.push(range);
  }
  for (const [first, second] of family?.exclusive ?? []) {
    if (!isSet(first) || !isSet(second) || refusals.some((r) => r.param === first || r.param === second)) continue;
    refusals.push({ param: second, message: `${first} and ${second} cannot both be set for ${who}: keep one`, code: "unsupported_parameter" });
  }
  return { noOps, refusals };
}

function accepts(rule: ParameterRule, value: unknown): boolean {
  if (!rule.accepts || typeof value !== "number") return false;
  return "equals" in rule.accepts ? value === rule.accepts.equals : value >= rule.accepts.atLeast;
}

function acceptedNote(rule: ParameterRule): string {
  if (!rule.accepts) return "";
  return "equals" in rule.accepts ? ` (only ${rule.accepts.equals}, its default, is accepted)` : ` (only ${rule.accepts.atLeast} or more is accepted)`;
}

/** True when the conversation ends with an assistant message the model would continue. */
export function endsWithPrefill(messages: unknown): boolean {
  if (!Array.isArray(messages) || messages.length === 0) return false;
  const last = messages[messages.length - 1] as { role?: unknown; tool_calls?: unknown } | null;
  // An assistant turn that calls tools is history awaiting results, not a prefill.
  return last?.role === "assistant" && !(Array.isArray(last.tool_calls) && last.tool_calls.length > 0);
}

/** A refusal of the conversation's shape or of a feature combination this model rejects, or null. */
export function refusedShape(provider: ModelAware, body: Record<string, unknown>): ParameterRefusal | null {
  const family = modelFamily(provider, body.model);
  const who = modelLabel(provider, body.model);
  if (family?.assistantPrefill === false && endsWithPrefill(body.messages)) {
    return {
      param: "messages",
      message: `${who} does not continue a final assistant message (prefill): end the conversation with a user message`,
      code: "unsupported_parameter",
    };
  }
  const format = (body.response_format as { type?: unknown } | null | undefined)?.type;
  const jsonOutput = format === "json_object" || format === "json_schema";
  if (family?.jsonWithTools === false && jsonOutput && Array.isArray(body.tools) && body.tools.length > 0) {
    return { param: "response_format", message: `${who} does not take response_format ${String(format)} together with tools`, code: "unsupported_parameter" };
  }
  return null;
}

export interface ModelCheckedBody {
  /** The body without the parameters the model ignores (and, when asked, those it refuses). */
  body: Record<string, unknown>;
  /** Refused parameters removed because the caller asked for dropping. */
  dropped: string[];
  /** The first refusal left: a parameter that can't be dropped, or the conversation's shape. */
  refusal: ParameterRefusal | null;
}

/**
 * A body checked against the model, for the engine and the native adapters alike: values the
 * model only takes at their default are removed; with `dropUnsupported`, so are parameters it
 * refuses as unsupported (never an invalid value or the conversation's shape).
 */
export function checkForModel(provider: ModelAware, body: Record<string, unknown>, dropUnsupported = false): ModelCheckedBody {
  const { noOps, refusals } = reviewParameters(provider, body);
  const droppable = dropUnsupported ? refusals.filter((r) => r.code === "unsupported_parameter") : [];
  const refusal = refusals.find((r) => !droppable.includes(r)) ?? refusedShape(provider, body);
  const dropped = droppable.map((r) => r.param);
  const removed = [...noOps, ...dropped];
  if (refusal || removed.length === 0) return { body, dropped, refusal };
  const checked = { ...body };
  for (const key of removed) delete checked[key];
  return { body: checked, dropped, refusal: null };
}
