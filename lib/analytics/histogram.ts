/**
 * Fixed log-spaced histograms for latencies in milliseconds, stored sparse ({bucket: count})
 * in the hourly rollups so that percentiles over any range come from rollups, not logs.
 *
 * Bucket 0 holds [0, 1) ms; bucket i (1..LAST-1) holds [GROWTH^(i-1), GROWTH^i) ms; the last
 * bucket holds everything from about 10 minutes up. A percentile is interpolated linearly
 * inside the bucket where the cumulative count crosses the rank, so it always lies in the same
 * bucket as the true (nearest-rank) value: under 10% relative error below 10 minutes, and the
 * overflow bucket's lower bound above that.
 */
export const GROWTH = 1.1;
const LOG_GROWTH = Math.log(GROWTH);
/** The first value of the overflow bucket: GROWTH^140 ≈ 620 s. */
export const BUCKETS = 142;
const LAST = BUCKETS - 1;

export type Histogram = Record<string, number>;

export function bucketOf(ms: number): number {
  if (!(ms >= 1)) return 0;
  // The epsilon keeps exact powers (1.1^k computed as k * log) out of the bucket below.
  return Math.min(LAST, Math.floor(Math.log(ms) / LOG_GROWTH + 1e-9) + 1);
}

/** [lower, upper) of a bucket, in ms; the overflow bucket's upper is its lower bound. */
export function bucketBounds(bucket: number): [number, number] {
  if (bucket <= 0) return [0, 1];
  const lower = GROWTH ** (bucket - 1);
  return bucket >= LAST ? [lower, lower] : [lower, GROWTH ** bucket];
}

export function addSample(histogram: Histogram, ms: number): void {
  const key = String(bucketOf(ms));
  histogram[key] = (histogram[key] ?? 0) + 1;
}

export function mergeInto(target: Histogram, source: Histogram): void {
  for (const [key, count] of Object.entries(source)) target[key] = (target[key] ?? 0) + count;
}

export function parseHistogram(text: string | null | undefined): Histogram {
  if (!text) return {};
  try {
    const parsed = JSON.parse(text) as unknown;
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return {};
    const out: Histogram = {};
    for (const [key, value] of Object.entries(parsed)) {
      const count = Number(value);
      if (/^\d+$/.test(key) && Number.isFinite(count) && count > 0) out[key] = count;
    }
    return out;
  } catch {
    return {};
  }
}

/** Adds a stored histogram's counts (analytics_rollup's text) to `target`; junk is skipped. */
export function addStored(target: Histogram, text: string): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return;
  }
  if (!parsed || typeof parsed !== "object") return;
  for (const key in parsed as Record<string, unknown>) {
    const count = (parsed as Record<string, unknown>)[key];
    if (typeof count === "number" && count > 0) target[key] = (target[key] ?? 0) + count;
  }
}

/** The p-quantile (0 < p <= 1) in ms, or null for an empty histogram. */
export function percentile(histogram: Histogram, p: number): number | null {
  const buckets = Object.entries(histogram)
    .map(([key, count]) => [Number(key), count] as const)
    .filter(([, count]) => count > 0)
    .sort((a, b) => a[0] - b[0]);
  const total = buckets.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return null;
  const rank = Math.max(p * total, Number.MIN_VALUE);
  let before = 0;
  for (const [bucket, count] of buckets) {
    if (before + count >= rank) {
      const [lower, upper] = bucketBounds(bucket);
      // Samples taken as spread evenly over the bucket, each at the middle of its share.
      const fraction = Math.max(0, (rank - before - 0.5) / count);
      return lower + fraction * (upper - lower);
    }
    before += count;
  }
  return bucketBounds(buckets[buckets.length - 1][0])[0];
}
