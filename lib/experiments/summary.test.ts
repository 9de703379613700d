import { describe, expect, it } from "vitest";
import { compareCases, percentile, summarizeTarget, summaryDeltas, type CaseOutcome } from "./summary";

const done = (itemId: string, targetIndex: number, passed: boolean, latencyMs: number, score = passed ? 1 : 0): CaseOutcome => ({
  itemId,
  targetIndex,
  status: "done",
  passed,
  latencyMs,
  scores: [{ name: "exact", score, passed }],
});
const errored = (itemId: string, targetIndex: number): CaseOutcome => ({ itemId, targetIndex, status: "errored", passed: null, latencyMs: null, scores: null });
const pending = (itemId: string, targetIndex: number): CaseOutcome => ({ itemId, targetIndex, status: "pending", passed: null, latencyMs: null, scores: null });

describe("percentile (nearest rank)", () => {
  it("picks the value at the rank, in any input order", () => {
    const values = [50, 10, 40, 20, 30, 60, 70, 80, 90, 100];
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(100);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNull();
  });
});

describe("summarizeTarget", () => {
  it("pass rate over finished cases (errored count as not passed), means of scores, latencies", () => {
    const cases = [done("a", 0, true, 100), done("b", 0, false, 300, 0.5), errored("c", 0), pending("d", 0), done("a", 1, true, 5)];
    const summary = summarizeTarget(0, cases);
    expect(summary).toEqual({
      target: 0,
      cases: 4,
      done: 2,
      errored: 1,
      passed: 1,
      pass_rate: 0.3333,
      scores: { exact: 0.75 },
      latency_p50_ms: 100,
      latency_p95_ms: 300,
    });
  });

  it("has no pass rate before any case finished", () => {
    expect(summarizeTarget(0, [pending("a", 0)]).pass_rate).toBeNull();
  });

  it("leaves a judge's unreadable answer (score null) out of the mean", () => {
    const cases: CaseOutcome[] = [done("a", 0, true, 1, 1), { ...done("b", 0, false, 1), scores: [{ name: "exact", score: null, passed: false }] }];
    expect(summarizeTarget(0, cases).scores).toEqual({ exact: 1 });
  });
});

describe("compareCases", () => {
  it("marks each item improved, regressed or unchanged by its pass rate over repetitions", () => {
    const baseline = [done("a", 0, false, 1), done("a", 0, false, 1), done("b", 0, true, 1), done("c", 0, true, 1), done("d", 0, true, 1)];
    const candidate = [done("a", 0, true, 1), done("a", 0, false, 1), errored("b", 0), done("c", 0, true, 1), done("e", 0, true, 1)];
    const result = compareCases(candidate, baseline);
    expect(result.items).toEqual([
      { item_id: "a", pass_rate: 0.5, baseline_pass_rate: 0, verdict: "improved" },
      { item_id: "b", pass_rate: 0, baseline_pass_rate: 1, verdict: "regressed" },
      { item_id: "c", pass_rate: 1, baseline_pass_rate: 1, verdict: "unchanged" },
    ]);
    expect([result.improved, result.regressed, result.unchanged]).toEqual([1, 1, 1]);
  });

  it("summary deltas are candidate minus baseline", () => {
    const a = summarizeTarget(0, [done("a", 0, true, 100), done("b", 0, true, 200)]);
    const b = summarizeTarget(0, [done("a", 0, true, 50), done("b", 0, false, 100, 0)]);
    expect(summaryDeltas(a, b)).toEqual({ pass_rate: 0.5, errored: 0, latency_p50_ms: 50, latency_p95_ms: 100, scores: { exact: 0.5 } });
    // From the counts: 2/3 - 1/3, not the rounded 0.6667 - 0.3333.
    const twoThirds = summarizeTarget(0, [done("a", 0, true, 1), done("b", 0, true, 1), done("c", 0, false, 1)]);
    const oneThird = summarizeTarget(0, [done("a", 0, true, 1), done("b", 0, false, 1), done("c", 0, false, 1)]);
    expect(summaryDeltas(twoThirds, oneThird).pass_rate).toBe(0.3333);
  });
});
