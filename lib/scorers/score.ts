import { boundedTest } from "./bounded-regex";
import { schemaViolation } from "./json-schema";
import { similarity } from "./levenshtein";
import type { ScorerDefinition, ScorerSpec } from "./schemas";

/** What a scorer reads of one case. */
export interface ScoredCase {
  output: string;
  expected?: unknown;
  latency_ms?: number;
  total_tokens?: number;
  cost_usd?: number;
}

export interface ScoreResult {
  score: number;
  passed: boolean;
  reason: string;
}

/** Deterministic scorers; an LLM judge is scored by the experiment runner, which calls the judge prompt. */
export type DeterministicDefinition = Exclude<ScorerDefinition, { type: "llm_judge" }>;

// Beyond this, similarity compares prefixes: the distance table is quadratic in time.
const SIMILARITY_CHARS = 5_000;

/** The threshold a scorer passes at when none is given: yes/no checks need 1, graded ones 0.8. */
export function defaultThreshold(definition: ScorerDefinition): number {
  return definition.type === "similarity" || definition.type === "llm_judge" ? 0.8 : 1;
}

/** Scores a case with a deterministic scorer: a score in [0, 1], pass or fail, and why. */
export function scoreCase(spec: ScorerSpec & { definition: DeterministicDefinition }, input: ScoredCase): ScoreResult {
  const threshold = spec.threshold ?? defaultThreshold(spec.definition);
  const { score, reason } = evaluate(spec.definition, input);
  return { score, passed: score >= threshold, reason };
}

function evaluate(definition: DeterministicDefinition, input: ScoredCase): { score: number; reason: string } {
  const fold = (text: string) => ("ignore_case" in definition && definition.ignore_case ? text.toLowerCase() : text);
  const expected = expectedText(input.expected);
  switch (definition.type) {
    case "exact_match": {
      if (expected === null) return { score: 0, reason: "no expected answer to compare with" };
      const trim = definition.trim ?? true;
      const [a, b] = [input.output, expected].map((text) => fold(trim ? text.trim() : text));
      return a === b ? { score: 1, reason: "matches the expected answer" } : { score: 0, reason: "differs from the expected answer" };
    }
    case "contains":
    case "not_contains": {
      const values = definition.values ?? (expected === null ? [] : [expected]);
      if (values.length === 0) return { score: 0, reason: "nothing to look for: set values or an expected answer" };
      const output = fold(input.output);
      const found = values.filter((value) => output.includes(fold(value)));
      const wantFound = definition.type === "contains";
      const hits = wantFound ? found : values.filter((value) => !found.includes(value));
      const ok = (definition.mode ?? "any") === "all" ? hits.length === values.length : hits.length > 0;
      const listed = (list: string[]) => list.map((v) => JSON.stringify(v)).join(", ");
      if (wantFound) return { score: ok ? 1 : 0, reason: found.length ? `found ${listed(found)}` : `found none of ${listed(values)}` };
      return { score: ok ? 1 : 0, reason: found.length ? `found ${listed(found)}` : "found none of them" };
    }
    case "regex": {
      const matched = boundedTest(definition.pattern, definition.flags ?? "", input.output);
      if (matched === null) return { score: 0, reason: "the pattern took too long on this answer" };
      return matched ? { score: 1, reason: "matches the pattern" } : { score: 0, reason: "does not match the pattern" };
    }
    case "json_valid": {
      const parsed = parseJson(input.output);
      return parsed.ok ? { score: 1, reason: "valid JSON" } : { score: 0, reason: `not JSON: ${parsed.error}` };
    }
    case "json_schema": {
      const parsed = parseJson(input.output);
      if (!parsed.ok) return { score: 0, reason: `not JSON: ${parsed.error}` };
      const violation = schemaViolation(definition.schema, parsed.value);
      return violation ? { score: 0, reason: violation } : { score: 1, reason: "conforms to the schema" };
    }
    case "similarity": {
      if (expected === null) return { score: 0, reason: "no expected answer to compare with" };
      const score = similarity(fold(input.output.trim()).slice(0, SIMILARITY_CHARS), fold(expected.trim()).slice(0, SIMILARITY_CHARS));
      return { score: Math.round(score * 1000) / 1000, reason: `${Math.round(score * 100)}% similar to the expected answer` };
    }
    case "latency_ms":
    case "total_tokens":
    case "cost_usd": {
      const value = input[definition.type];
      if (value === undefined) return { score: 0, reason: `no ${definition.type} for this case` };
      const { min, max } = definition.bounds;
      const ok = (min === undefined || value >= min) && (max === undefined || value <= max);
      const range = [min !== undefined ? `≥ ${min}` : null, max !== undefined ? `≤ ${max}` : null].filter(Boolean).join(" and ");
      return { score: ok ? 1 : 0, reason: `${definition.type} ${value} ${ok ? "is" : "is not"} ${range}` };
    }
  }
}

/** `expected` as text: a string as is, anything else as its JSON. */
function expectedText(expected: unknown): string | null {
  if (expected === undefined || expected === null) return null;
  return typeof expected === "string" ? expected : JSON.stringify(expected);
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}
