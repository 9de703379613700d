import type { MockBehavior } from "./types";

/** Header carrying a JSON MockBehavior for this one request. */
export const BEHAVIOR_HEADER = "x-mock-behavior";

/** Long enough to outlast any request timeout under test; cleared when the client leaves. */
const DEFAULT_STALL_MS = 10 * 60_000;

/**
 * Behaviours selected by the model name. An end-to-end test can only control the model
 * stored with a prompt, so this is how it reaches the slow / failing / stalling paths.
 * A provider prefix is ignored ("openrouter/mock-slow" works too).
 */
const MODEL_PRESETS: Array<[RegExp, (match: RegExpMatchArray) => MockBehavior]> = [
  [/^mock-slow(?:-(\d+))?$/, (m) => ({ tokenDelayMs: m[1] ? Number(m[1]) : 200 })],
  [/^mock-error-(\d{3})$/, (m) => ({ status: Number(m[1]), ...(m[1] === "429" ? { retryAfter: "1" } : {}) })],
  [/^mock-stall(?:-(\d+))?$/, (m) => ({ stallMs: m[1] ? Number(m[1]) : DEFAULT_STALL_MS })],
  [/^mock-cut(?:-(\d+))?$/, (m) => ({ cutAfterTokens: m[1] ? Number(m[1]) : 2, tokenDelayMs: 20 })],
  [/^mock-tokens-(\d+)$/, (m) => ({ tokens: Number(m[1]) })],
  [/^mock-tools$/, () => ({ toolCalls: [{ id: "call_mock_0", name: "get_weather", arguments: { city: "Paris" } }] })],
  // A stream whose first chunk carries no content (the role only), then MS of silence before
  // the first token: time to first token must count from the content, not that chunk.
  [/^mock-ttft(?:-(\d+))?$/, (m) => ({ firstTokenDelayMs: m[1] ? Number(m[1]) : 300 })],
];

/** The documented model names, for help texts and the CLI banner. */
export const MODEL_PRESET_NAMES = [
  "mock-slow[-MS]",
  "mock-error-STATUS",
  "mock-stall[-MS]",
  "mock-cut[-N]",
  "mock-tokens-N",
  "mock-tools",
  "mock-ttft[-MS]",
] as const;

export function behaviorFromModel(model: string | undefined): MockBehavior {
  if (!model) return {};
  const name = model.slice(model.lastIndexOf("/") + 1);
  for (const [pattern, make] of MODEL_PRESETS) {
    const match = name.match(pattern);
    if (match) return make(match);
  }
  return {};
}

export class BehaviorParseError extends Error {}

/** Validates an untrusted JSON value (header, control endpoint) as a MockBehavior. */
export function parseBehavior(value: unknown): MockBehavior {
  if (value === null || value === undefined) return {};
  if (typeof value === "string") {
    try {
      return parseBehavior(JSON.parse(value));
    } catch (error) {
      if (error instanceof BehaviorParseError) throw error;
      throw new BehaviorParseError(`invalid ${BEHAVIOR_HEADER} JSON: ${(error as Error).message}`);
    }
  }
  if (typeof value !== "object" || Array.isArray(value)) {
    throw new BehaviorParseError("a mock behaviour must be a JSON object");
  }
  const b = value as Record<string, unknown>;
  for (const key of ["status", "tokenDelayMs", "firstTokenDelayMs", "cutAfterTokens", "streamErrorAfterTokens", "stallMs", "hugeBodyBytes", "stallAfterTokens", "floodBytes"]) {
    if (b[key] !== undefined && (typeof b[key] !== "number" || !Number.isFinite(b[key]) || (b[key] as number) < 0)) {
      throw new BehaviorParseError(`mock behaviour field ${key} must be a non-negative number`);
    }
  }
  if (b.stampTokens !== undefined && typeof b.stampTokens !== "boolean") {
    throw new BehaviorParseError("mock behaviour field stampTokens must be a boolean");
  }
  if (b.tokens !== undefined && typeof b.tokens !== "number" && !isStringArray(b.tokens)) {
    throw new BehaviorParseError("mock behaviour field tokens must be a number or an array of strings");
  }
  if (b.redirectTo !== undefined && typeof b.redirectTo !== "string") {
    throw new BehaviorParseError("mock behaviour field redirectTo must be a string");
  }
  if (b.toolCalls !== undefined && !Array.isArray(b.toolCalls)) {
    throw new BehaviorParseError("mock behaviour field toolCalls must be an array");
  }
  return b as MockBehavior;
}

/** Later sources win, field by field. */
export function mergeBehaviors(...sources: Array<MockBehavior | undefined | null>): MockBehavior {
  const merged: MockBehavior = {};
  for (const source of sources) {
    if (!source) continue;
    for (const [key, value] of Object.entries(source)) {
      if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
    }
  }
  return merged;
}

/** The wait before token `index` (0-based): time to first token, then the per-token pace. */
export function tokenDelay(behavior: MockBehavior, index: number): number {
  if (index === 0 && behavior.firstTokenDelayMs !== undefined) return behavior.firstTokenDelayMs;
  return behavior.tokenDelayMs ?? 0;
}

/** Total generation time of a non-stream answer: what a real model would take. */
export function totalDelay(behavior: MockBehavior, tokenCount: number): number {
  let total = 0;
  for (let i = 0; i < tokenCount; i++) total += tokenDelay(behavior, i);
  return total;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === "string");
}
