import { describe, expect, it } from "vitest";
import { inCandidateArm, unitHash } from "./split";

describe("canary arm choice", () => {
  it("spreads sequential keys evenly over [0, 1)", () => {
    const buckets = new Array(10).fill(0);
    for (let i = 0; i < 100_000; i++) {
      const h = unitHash(`caller-${i}`);
      expect(h >= 0 && h < 1).toBe(true);
      buckets[Math.floor(h * 10)]++;
    }
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(400);
  });

  it("is stable per key, and raising the weight only moves callers to the candidate", () => {
    for (let i = 0; i < 2_000; i++) {
      const key = `k${i}`;
      expect(inCandidateArm("p", "production", key, 10)).toBe(inCandidateArm("p", "production", key, 10));
      if (inCandidateArm("p", "production", key, 10)) expect(inCandidateArm("p", "production", key, 30)).toBe(true);
    }
  });

  it("draws each prompt's and label's canary independently", () => {
    let both = 0;
    for (let i = 0; i < 10_000; i++) if (inCandidateArm("p1", "production", `u${i}`, 50) && inCandidateArm("p2", "production", `u${i}`, 50)) both++;
    expect(both / 10_000).toBeGreaterThan(0.22);
    expect(both / 10_000).toBeLessThan(0.28);
  });
});
