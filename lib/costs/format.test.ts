import { describe, expect, it } from "vitest";
import { formatCost } from "./format";

describe("a cost as shown", () => {
  it("reads unknown, not $0, without a cost", () => {
    expect(formatCost(null)).toBe("unknown");
    expect(formatCost(undefined)).toBe("unknown");
  });

  it("keeps small costs readable, never in exponent notation", () => {
    expect(formatCost(0)).toBe("$0");
    expect(formatCost(0.00000725)).toBe("$0.00000725");
    expect(formatCost(0.0012345)).toBe("$0.00123");
    expect(formatCost(12.5)).toBe("$12.50");
    expect(formatCost(1234.5678)).toBe("$1,234.57");
  });
});
