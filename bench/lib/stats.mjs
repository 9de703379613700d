// Small statistics helpers: percentiles by linear interpolation, medians with min–max.

export function percentile(values, p) {
  if (!values.length) return null;
  const sorted = Float64Array.from(values).sort();
  if (sorted.length === 1) return sorted[0];
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

export const median = (values) => percentile(values, 50);

/** `{median, min, max, values}` over the repetitions of one measurement (nulls dropped). */
export function summarize(values) {
  const present = values.filter((v) => typeof v === "number" && Number.isFinite(v));
  if (!present.length) return null;
  return { median: median(present), min: Math.min(...present), max: Math.max(...present), values: present };
}

export function round(value, digits = 2) {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
