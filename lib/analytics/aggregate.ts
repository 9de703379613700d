import { mergeInto, percentile, type Histogram } from "./histogram";
import type { RollupDelta } from "./rollup";
import type { Interval } from "./schemas";

/** The measures of any set of records (a time bucket, a group, the whole range). */
export interface Totals {
  requests: number;
  errors: number;
  errorsByClass: { "4xx": number; "5xx": number; other: number };
  statusCodes: Map<number, number>;
  latencyCount: number;
  latencySumMs: number;
  latencyHist: Histogram;
  ttftCount: number;
  ttftSumMs: number;
  ttftHist: Histogram;
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  costUsd: number;
  feedbackCount: number;
  feedbackRequests: number;
  feedbackValueSum: number;
  feedbackWeighted: number;
  /** {feedback value: count}. */
  feedbackHist: Histogram;
  firstSeen: Date | null;
  lastSeen: Date | null;
}

export function emptyTotals(): Totals {
  return {
    requests: 0,
    errors: 0,
    errorsByClass: { "4xx": 0, "5xx": 0, other: 0 },
    statusCodes: new Map(),
    latencyCount: 0,
    latencySumMs: 0,
    latencyHist: {},
    ttftCount: 0,
    ttftSumMs: 0,
    ttftHist: {},
    promptTokens: 0,
    completionTokens: 0,
    totalTokens: 0,
    costUsd: 0,
    feedbackCount: 0,
    feedbackRequests: 0,
    feedbackValueSum: 0,
    feedbackWeighted: 0,
    feedbackHist: {},
    firstSeen: null,
    lastSeen: null,
  };
}

/** An error is a call that failed (status `error`); a cancelled call is not one. */
export function addRecord(totals: Totals, record: RollupDelta): void {
  totals.requests += record.requests;
  if (record.status === "error") {
    totals.errors += record.requests;
    const statusClass = record.httpStatus >= 400 && record.httpStatus < 500 ? "4xx" : record.httpStatus >= 500 && record.httpStatus < 600 ? "5xx" : "other";
    totals.errorsByClass[statusClass] += record.requests;
    totals.statusCodes.set(record.httpStatus, (totals.statusCodes.get(record.httpStatus) ?? 0) + record.requests);
  }
  totals.latencyCount += record.latencyCount;
  totals.latencySumMs += record.latencySumMs;
  mergeInto(totals.latencyHist, record.latencyHist);
  totals.ttftCount += record.ttftCount;
  totals.ttftSumMs += record.ttftSumMs;
  mergeInto(totals.ttftHist, record.ttftHist);
  totals.promptTokens += record.promptTokens;
  totals.completionTokens += record.completionTokens;
  totals.totalTokens += record.totalTokens;
  totals.costUsd += record.costUsd;
  totals.feedbackCount += record.feedbackCount;
  totals.feedbackRequests += record.feedbackRequests;
  totals.feedbackValueSum += record.feedbackValueSum;
  totals.feedbackWeighted += record.feedbackWeighted;
  mergeInto(totals.feedbackHist, record.feedbackHist);
  // Rows made by feedback alone (no call counted in them) say nothing about when calls were seen.
  if (record.requests === 0) return;
  if (!totals.firstSeen || record.firstSeen < totals.firstSeen) totals.firstSeen = record.firstSeen;
  if (!totals.lastSeen || record.lastSeen > totals.lastSeen) totals.lastSeen = record.lastSeen;
}

export function totalsOf(records: readonly RollupDelta[]): Totals {
  const totals = emptyTotals();
  for (const record of records) addRecord(totals, record);
  return totals;
}

/** Float sums (cents of fractions of a cent) without binary noise like 0.30000000000000004. */
export const round = (value: number, digits = 6) => Math.round(value * 10 ** digits) / 10 ** digits;
const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : 0);
const ms = (value: number | null) => (value === null ? 0 : Math.round(value));

export const costCents = (totals: Totals) => round(totals.costUsd * 100);
export const avgCostCents = (totals: Totals) => round(ratio(totals.costUsd * 100, totals.requests));
export const avgLatency = (totals: Totals) => Math.round(ratio(totals.latencySumMs, totals.latencyCount));
export const latencyP = (totals: Totals, p: number) => ms(percentile(totals.latencyHist, p));
export const ttftP = (totals: Totals, p: number) => ms(percentile(totals.ttftHist, p));
export const avgTokens = (totals: Totals) => Math.round(ratio(totals.totalTokens, totals.requests));
/** Portkey's weighted feedback is value × weight; its average is over feedbacks, null without any. */
export const avgWeightedFeedback = (totals: Totals) => (totals.feedbackCount ? round(totals.feedbackWeighted / totals.feedbackCount, 4) : null);
/** The plain mean of the feedback values. */
export const feedbackMean = (totals: Totals) => (totals.feedbackCount ? round(totals.feedbackValueSum / totals.feedbackCount, 4) : null);
export const errorRate = (totals: Totals) => round(ratio(totals.errors * 100, totals.requests), 4);

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** Start of the UTC hour or day holding `at`. */
export function bucketStart(at: Date, interval: Interval): number {
  const width = interval === "hour" ? HOUR_MS : DAY_MS;
  return Math.floor(at.getTime() / width) * width;
}

/** Every bucket of the range, empty ones included, so charts show gaps as zeros. */
export function timeBuckets(records: readonly RollupDelta[], from: Date, to: Date, interval: Interval): Array<[string, Totals]> {
  const width = interval === "hour" ? HOUR_MS : DAY_MS;
  const buckets = new Map<number, Totals>();
  for (let start = bucketStart(from, interval); start <= to.getTime(); start += width) buckets.set(start, emptyTotals());
  for (const record of records) {
    const start = bucketStart(record.hour, interval);
    let totals = buckets.get(start);
    if (!totals) buckets.set(start, (totals = emptyTotals()));
    addRecord(totals, record);
  }
  return [...buckets].sort((a, b) => a[0] - b[0]).map(([start, totals]) => [new Date(start).toISOString(), totals]);
}
