import { describe, expect, it } from "vitest";
import { addSample, bucketBounds, bucketOf, BUCKETS, GROWTH, mergeInto, parseHistogram, percentile, type Histogram } from "./histogram";

/** The nearest-rank p-quantile of the raw values: what the histogram approximates. */
function trueQuantile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
}

function histogramOf(values: number[]): Histogram {
  const histogram: Histogram = {};
  for (const value of values) addSample(histogram, value);
  return histogram;
}

describe("latency histogram", () => {
  it("puts every value in a bucket whose bounds contain it, ~10% wide", () => {
    for (const ms of [0, 0.5, 1, 1.1, 2, 9, 10, 99, 100, 101, 1234, 59_999, 600_000]) {
      const [lower, upper] = bucketBounds(bucketOf(ms));
      expect(ms).toBeGreaterThanOrEqual(lower);
      expect(ms).toBeLessThan(upper);
      if (lower >= 1) expect(upper / lower).toBeCloseTo(GROWTH, 10);
    }
  });

  it("sends values past ~10 minutes to the overflow bucket", () => {
    expect(bucketOf(700_000)).toBe(BUCKETS - 1);
    expect(bucketOf(10 ** 9)).toBe(BUCKETS - 1);
    expect(bucketOf(Number.NaN)).toBe(0);
  });

  it("estimates p50/p95/p99 within the true value's bucket (under 10% off)", () => {
    // A skewed, deterministic spread: many fast calls, a long tail.
    const values: number[] = [];
    for (let i = 1; i <= 1000; i++) values.push(Math.round(50 + (i % 97) * 3 + (i % 10 === 0 ? i * 7 : 0)));
    const histogram = histogramOf(values);
    for (const p of [0.5, 0.9, 0.95, 0.99]) {
      const truth = trueQuantile(values, p);
      const estimate = percentile(histogram, p)!;
      const [lower, upper] = bucketBounds(bucketOf(truth));
      expect(estimate).toBeGreaterThanOrEqual(lower);
      expect(estimate).toBeLessThanOrEqual(upper);
      expect(Math.abs(estimate - truth) / truth).toBeLessThan(0.1);
    }
  });

  it("gives exact small sets their bucket and nothing for no samples", () => {
    const histogram = histogramOf([100, 200, 300, 400]);
    const p50 = percentile(histogram, 0.5)!;
    expect(bucketOf(p50)).toBe(bucketOf(200));
    expect(bucketOf(percentile(histogram, 1)!)).toBe(bucketOf(400));
    expect(percentile({}, 0.5)).toBeNull();
  });

  it("merges histograms as if their samples had been added to one", () => {
    const a = histogramOf([10, 20, 30]);
    const b = histogramOf([20, 5000]);
    mergeInto(a, b);
    expect(a).toEqual(histogramOf([10, 20, 30, 20, 5000]));
  });

  it("reads stored text defensively", () => {
    expect(parseHistogram('{"3":2,"x":1,"4":-1}')).toEqual({ "3": 2 });
    expect(parseHistogram("not json")).toEqual({});
    expect(parseHistogram(null)).toEqual({});
  });
});

describe("stored histograms", () => {
  it("add up from their text, skipping junk", async () => {
    const { addStored } = await import("./histogram");
    const target: Histogram = { "3": 1 };
    addStored(target, '{"3":2,"7":1,"x":"no","8":-1}');
    addStored(target, "not json");
    expect(target).toEqual({ "3": 3, "7": 1 });
  });
});
