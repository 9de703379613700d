import { describe, expect, it } from "vitest";
import { boundedTest } from "./bounded-regex";
import { readJudgeAnswer } from "./judge";
import { editDistance, similarity } from "./levenshtein";
import { defaultThreshold, scoreCase, type DeterministicDefinition } from "./score";
import { scorerDefinitionSchema } from "./schemas";

const score = (definition: DeterministicDefinition, output: string, extra: Record<string, unknown> = {}, threshold?: number) =>
  scoreCase({ name: "s", definition: scorerDefinitionSchema.parse(definition) as DeterministicDefinition, threshold }, { output, ...extra });

describe("deterministic scorers", () => {
  it("exact match trims by default and can ignore case; JSON expected compares as its text", () => {
    expect(score({ type: "exact_match" }, " Paris\n", { expected: "Paris" })).toEqual({ score: 1, passed: true, reason: "matches the expected answer" });
    expect(score({ type: "exact_match" }, "paris", { expected: "Paris" }).passed).toBe(false);
    expect(score({ type: "exact_match", ignore_case: true }, "paris", { expected: "Paris" }).passed).toBe(true);
    expect(score({ type: "exact_match", trim: false }, "Paris ", { expected: "Paris" }).passed).toBe(false);
    expect(score({ type: "exact_match" }, '{"a":1}', { expected: { a: 1 } }).passed).toBe(true);
    expect(score({ type: "exact_match" }, "x")).toMatchObject({ score: 0, reason: "no expected answer to compare with" });
  });

  it("contains and not contains, any or all of a list, or the expected answer", () => {
    expect(score({ type: "contains", values: ["cat", "dog"] }, "a dog barks").passed).toBe(true);
    expect(score({ type: "contains", values: ["cat", "dog"], mode: "all" }, "a dog barks")).toMatchObject({ passed: false, reason: 'found "dog"' });
    expect(score({ type: "contains", values: ["DOG"], ignore_case: true }, "a dog").passed).toBe(true);
    expect(score({ type: "contains" }, "The capital is Paris.", { expected: "Paris" }).passed).toBe(true);
    expect(score({ type: "not_contains", values: ["sorry", "as an AI"] }, "Here it is").passed).toBe(true);
    expect(score({ type: "not_contains", values: ["sorry", "as an AI"] }, "Sorry, as an AI", {}, 1).passed).toBe(true);
    expect(score({ type: "not_contains", values: ["sorry", "as an AI"], mode: "all", ignore_case: true }, "Sorry, as an AI").passed).toBe(false);
  });

  it("regex, JSON validity and JSON Schema", () => {
    expect(score({ type: "regex", pattern: "^\\d{3}-\\d{4}$" }, "555-1234").passed).toBe(true);
    expect(score({ type: "regex", pattern: "^yes$", flags: "i" }, "YES").passed).toBe(true);
    expect(score({ type: "json_valid" }, '{"a": 1}').passed).toBe(true);
    expect(score({ type: "json_valid" }, "{a: 1}")).toMatchObject({ passed: false, reason: expect.stringMatching(/^not JSON: /) });
    const schema = { type: "object", properties: { city: { type: "string" }, temp: { type: "number", maximum: 60 } }, required: ["city"] };
    expect(score({ type: "json_schema", schema }, '{"city": "Paris", "temp": 21}').passed).toBe(true);
    expect(score({ type: "json_schema", schema }, '{"temp": 21}')).toMatchObject({ passed: false, reason: expect.stringContaining("city") });
    expect(score({ type: "json_schema", schema }, '{"city": "Paris", "temp": 99}')).toMatchObject({ passed: false, reason: expect.stringContaining("temp") });
  });

  it("similarity to the expected answer, with a default threshold of 0.8", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(similarity("kitten", "sitting")).toBeCloseTo(1 - 3 / 7);
    expect(similarity("", "")).toBe(1);
    expect(score({ type: "similarity" }, "The capital of France is Paris", { expected: "The capital of France is Paris." })).toMatchObject({ passed: true });
    expect(score({ type: "similarity" }, "Berlin", { expected: "Paris" }).passed).toBe(false);
    expect(defaultThreshold({ type: "similarity" })).toBe(0.8);
    expect(defaultThreshold({ type: "json_valid" })).toBe(1);
  });

  it("numeric bounds on latency, tokens and cost", () => {
    expect(score({ type: "latency_ms", bounds: { max: 2000 } }, "x", { latency_ms: 1500 })).toEqual({ score: 1, passed: true, reason: "latency_ms 1500 is ≤ 2000" });
    expect(score({ type: "total_tokens", bounds: { min: 10, max: 20 } }, "x", { total_tokens: 30 }).passed).toBe(false);
    expect(score({ type: "cost_usd", bounds: { max: 0.01 } }, "x")).toMatchObject({ passed: false, reason: "no cost_usd for this case" });
    expect(scorerDefinitionSchema.safeParse({ type: "cost_usd", bounds: {} }).success).toBe(false);
  });

  it("stops a catastrophic pattern instead of stalling the server", () => {
    expect(boundedTest("^(a+)+$", "", "a".repeat(40) + "!")).toBeNull();
    expect(score({ type: "regex", pattern: "^(a+)+$" }, "a".repeat(40) + "!")).toEqual({ score: 0, passed: false, reason: "the pattern took too long on this answer" });
  });
});

describe("reading an LLM judge's answer", () => {
  it("reads JSON {score, reason}, also inside prose or a fenced block", () => {
    expect(readJudgeAnswer('{"score": 0.75, "reason": "mostly right"}')).toEqual({ ok: true, score: 0.75, reason: "mostly right" });
    expect(readJudgeAnswer('Let me think.\n```json\n{"score": "1", "reason": "exact"}\n```')).toEqual({ ok: true, score: 1, reason: "exact" });
    expect(readJudgeAnswer('{"score": 7}')).toMatchObject({ ok: false, reason: expect.stringContaining("0 to 1") });
    expect(readJudgeAnswer("I think it is fine")).toMatchObject({ ok: false });
  });

  it("maps a choice to its score: the whole answer, a JSON choice, or the last choice word named", () => {
    const choices = { pass: 1, fail: 0 };
    expect(readJudgeAnswer("PASS", choices)).toEqual({ ok: true, score: 1, reason: "" });
    expect(readJudgeAnswer('{"choice": "fail", "reason": "wrong city"}', choices)).toEqual({ ok: true, score: 0, reason: "wrong city" });
    expect(readJudgeAnswer("It could pass at first sight, but the date is wrong. Verdict: fail", choices)).toMatchObject({ ok: true, score: 0 });
    expect(readJudgeAnswer("passable", choices)).toMatchObject({ ok: false });
  });

  it("stays bounded on a hostile answer full of braces", () => {
    expect(readJudgeAnswer("{".repeat(50_000) + "}".repeat(50_000))).toMatchObject({ ok: false });
  });
});

describe("reading a judge's answer, hostile shapes", () => {
  it("ends on braces in any order", () => {
    expect(readJudgeAnswer("}".repeat(30_000) + "{".repeat(30_000))).toMatchObject({ ok: false });
    expect(readJudgeAnswer("}")).toMatchObject({ ok: false });
  });
});
