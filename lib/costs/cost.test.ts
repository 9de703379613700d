import { describe, expect, it } from "vitest";
import { costUsd } from "./cost";

const gpt4o = { inputPerMTok: 2.5, outputPerMTok: 10, cachedInputPerMTok: 1.25 };

describe("a call's cost", () => {
  it("is input plus output tokens at their prices per million", () => {
    expect(costUsd(gpt4o, { promptTokens: 1000, completionTokens: 500 })).toBeCloseTo(0.0075, 12);
    expect(costUsd(gpt4o, { promptTokens: 1_000_000, completionTokens: 1_000_000 })).toBe(12.5);
  });

  it("prices cached prompt tokens at the cached rate, or as input when there is none", () => {
    expect(costUsd(gpt4o, { promptTokens: 1000, completionTokens: 0, cachedTokens: 400 })).toBeCloseTo((600 * 2.5 + 400 * 1.25) / 1e6, 12);
    expect(costUsd({ ...gpt4o, cachedInputPerMTok: null }, { promptTokens: 1000, completionTokens: 0, cachedTokens: 400 })).toBeCloseTo(0.0025, 12);
    // More cached than prompt tokens (a provider's odd count) never makes a negative input.
    expect(costUsd(gpt4o, { promptTokens: 10, completionTokens: 0, cachedTokens: 50 })).toBeCloseTo((10 * 1.25) / 1e6, 12);
  });

  it("is unknown (null), never 0, without a price or without usage", () => {
    expect(costUsd(null, { promptTokens: 1000, completionTokens: 500 })).toBeNull();
    expect(costUsd(gpt4o, { promptTokens: null, completionTokens: null })).toBeNull();
    expect(costUsd(gpt4o, { promptTokens: 10, completionTokens: undefined })).toBeNull();
  });

  it("is 0 only when it truly is: a free model, or no tokens used", () => {
    expect(costUsd({ inputPerMTok: 0, outputPerMTok: 0, cachedInputPerMTok: null }, { promptTokens: 10, completionTokens: 5 })).toBe(0);
    expect(costUsd(gpt4o, { promptTokens: 0, completionTokens: 0 })).toBe(0);
  });
});
