import { afterEach, describe, expect, it } from "vitest";
import { approximateJsonBytes, BoundedLru, cacheShare } from "./bounded-lru";

const strings = (maxEntries: number, maxBytes: number) => new BoundedLru<string>({ maxEntries, maxBytes, sizeOf: (value) => value.length });

describe("BoundedLru", () => {
  afterEach(() => {
    delete process.env.PROMPTLY_CACHE_MAX_BYTES;
  });

  it("evicts the least recently used entries to stay within its bytes", () => {
    const lru = strings(100, 30);
    lru.set("a", "x".repeat(9)); // 10 bytes with its key
    lru.set("b", "x".repeat(9));
    lru.set("c", "x".repeat(9));
    expect(lru.get("a")).toBeDefined(); // now the youngest
    lru.set("d", "x".repeat(9));
    expect(lru.get("b")).toBeUndefined();
    expect(lru.get("a")).toBeDefined();
    expect(lru.bytes).toBeLessThanOrEqual(30);
    expect(lru.size).toBe(3);
  });

  it("keeps its entry count too", () => {
    const lru = strings(2, 1_000);
    for (const key of ["a", "b", "c"]) lru.set(key, key);
    expect(lru.size).toBe(2);
    expect(lru.get("a")).toBeUndefined();
  });

  it("refuses an entry larger than its whole budget, and replacing a key frees the old size", () => {
    const lru = strings(10, 100);
    expect(lru.set("big", "x".repeat(200))).toBe(false);
    expect(lru.size).toBe(0);
    lru.set("k", "x".repeat(50));
    lru.set("k", "x".repeat(10));
    expect(lru.bytes).toBe(11);
    lru.clear();
    expect(lru.bytes).toBe(0);
  });

  it("holds a flood of large values within the budget", () => {
    const lru = strings(5_000, 1_000_000);
    for (let i = 0; i < 2_000; i++) lru.set(`key-${i}`, "x".repeat(10_000));
    expect(lru.bytes).toBeLessThanOrEqual(1_000_000);
    expect(lru.size).toBeLessThan(100);
  });

  it("splits PROMPTLY_CACHE_MAX_BYTES into shares, read on use", () => {
    const share = cacheShare(0.25);
    expect(share()).toBe(Math.floor(33_554_432 / 4));
    process.env.PROMPTLY_CACHE_MAX_BYTES = "1000";
    expect(share()).toBe(250);
  });

  it("estimates JSON values once, by their serialized length", () => {
    expect(approximateJsonBytes({ a: "xxxx" })).toBe(2 * '{"a":"xxxx"}'.length);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(approximateJsonBytes(cyclic)).toBe(Number.MAX_SAFE_INTEGER);
  });
});
