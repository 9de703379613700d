import { afterEach, describe, expect, it } from "vitest";
import { bumpPromptCacheGeneration, cached, promptCacheBytes } from "./cache";

describe("prompt cache", () => {
  afterEach(async () => {
    delete process.env.PROMPTLY_CACHE_MAX_BYTES;
    await bumpPromptCacheGeneration();
  });

  it("holds at most its share of PROMPTLY_CACHE_MAX_BYTES, however many large values are stored", async () => {
    process.env.PROMPTLY_CACHE_MAX_BYTES = "1000000"; // the prompt cache gets half
    // Prime the bus so that values are cached at all (it reads through until it listens).
    await cached("prime", async () => ({}));
    for (let i = 0; i < 200; i++) {
      await cached(`prompt:${i}`, async () => ({ template: "x".repeat(20_000) }));
    }
    expect(promptCacheBytes()).toBeGreaterThan(0);
    expect(promptCacheBytes()).toBeLessThanOrEqual(500_000);
    // A hit still answers.
    const again = await cached("prompt:199", async () => null);
    expect(again).toEqual({ template: "x".repeat(20_000) });
  });
});
