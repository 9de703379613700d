/**
 * The arithmetic of results, pure so it is unit-tested alone: per-target summaries and the
 * comparison of two sets of cases item by item.
 */

export interface CaseScore {
  name: string;
  score: number | null;
  passed: boolean;
}

/** What the summaries read of one finished or unfinished case. */
export interface CaseOutcome {
  itemId: string;
  targetIndex: number;
  status: string;
  passed: boolean | null;
  latencyMs: number | null;
  scores: CaseScore[] | null;
}

export interface TargetSummary {
  target: number;
  cases: number;
  done: number;
  errored: number;
  passed: number;
  /** Passed over finished cases (an errored case counts as not passed); null before any finished. */
  pass_rate: number | null;
  /** The mean score of each scorer over the cases it scored. */
  scores: Record<string, number | null>;
  latency_p50_ms: number | null;
  latency_p95_ms: number | null;
}

/** Nearest-rank percentile of a list (p in 0..100); null for an empty list. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1];
}

const round = (n: number) => Math.round(n * 10_000) / 10_000;

export function summarizeTarget(target: number, cases: readonly CaseOutcome[]): TargetSummary {
  const mine = cases.filter((c) => c.targetIndex === target);
  const done = mine.filter((c) => c.status === "done");
  const errored = mine.filter((c) => c.status === "errored").length;
  const passed = done.filter((c) => c.passed === true).length;
  const finished = done.length + errored;
  const sums = new Map<string, { total: number; count: number }>();
  for (const c of done) {
    for (const s of c.scores ?? []) {
      const sum = sums.get(s.name) ?? { total: 0, count: 0 };
      if (s.score !== null) {
        sum.total += s.score;
        sum.count += 1;
      }
      sums.set(s.name, sum);
    }
  }
  const latencies = done.map((c) => c.latencyMs).filter((n): n is number => n !== null);
  return {
    target,
    cases: mine.length,
    done: done.length,
    errored,
    passed,
    pass_rate: finished ? round(passed / finished) : null,
    scores: Object.fromEntries([...sums].map(([name, s]) => [name, s.count ? round(s.total / s.count) : null])),
    latency_p50_ms: percentile(latencies, 50),
    latency_p95_ms: percentile(latencies, 95),
  };
}

export type ItemVerdict = "improved" | "regressed" | "unchanged";

export interface ItemComparison {
  item_id: string;
  /** Share of this item's cases that passed (over repetitions), candidate and baseline. */
  pass_rate: number | null;
  baseline_pass_rate: number | null;
  verdict: ItemVerdict;
}

function passRateByItem(cases: readonly CaseOutcome[]): Map<string, number> {
  const counts = new Map<string, { passed: number; finished: number }>();
  for (const c of cases) {
    if (c.status !== "done" && c.status !== "errored") continue;
    const count = counts.get(c.itemId) ?? { passed: 0, finished: 0 };
    count.finished += 1;
    if (c.status === "done" && c.passed) count.passed += 1;
    counts.set(c.itemId, count);
  }
  return new Map([...counts].map(([id, c]) => [id, c.passed / c.finished]));
}

/**
 * Item by item: improved when the candidate's pass rate on the item is higher than the
 * baseline's, regressed when lower, unchanged otherwise (also when either side has no
 * finished case for it). Only items both sides hold are compared.
 */
export function compareCases(candidate: readonly CaseOutcome[], baseline: readonly CaseOutcome[]) {
  const mine = passRateByItem(candidate);
  const theirs = passRateByItem(baseline);
  const ids = [...new Set([...candidate.map((c) => c.itemId)])].filter((id) => baseline.some((b) => b.itemId === id));
  const items: ItemComparison[] = ids.map((id) => {
    const a = mine.get(id) ?? null;
    const b = theirs.get(id) ?? null;
    const verdict: ItemVerdict = a === null || b === null || a === b ? "unchanged" : a > b ? "improved" : "regressed";
    return { item_id: id, pass_rate: a === null ? null : round(a), baseline_pass_rate: b === null ? null : round(b), verdict };
  });
  return {
    improved: items.filter((i) => i.verdict === "improved").length,
    regressed: items.filter((i) => i.verdict === "regressed").length,
    unchanged: items.filter((i) => i.verdict === "unchanged").length,
    items,
  };
}

/** Candidate minus baseline for every number of a summary both sides have. */
export function summaryDeltas(candidate: TargetSummary, baseline: TargetSummary) {
  const delta = (a: number | null, b: number | null) => (a === null || b === null ? null : round(a - b));
  const scoreNames = Object.keys(candidate.scores).filter((name) => name in baseline.scores);
  // From the counts, not the rounded rates: 2/3 - 1/3 is 0.3333, not 0.6667 - 0.3333.
  const rate = (s: TargetSummary) => (s.done + s.errored ? s.passed / (s.done + s.errored) : null);
  return {
    pass_rate: delta(rate(candidate), rate(baseline)),
    errored: candidate.errored - baseline.errored,
    latency_p50_ms: delta(candidate.latency_p50_ms, baseline.latency_p50_ms),
    latency_p95_ms: delta(candidate.latency_p95_ms, baseline.latency_p95_ms),
    scores: Object.fromEntries(scoreNames.map((name) => [name, delta(candidate.scores[name], baseline.scores[name])])),
  };
}
