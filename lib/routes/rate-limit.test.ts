import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Caller } from "@/lib/auth/caller";
import { createPrismaClient } from "@/lib/core/db";
import { createCompletionLimiter, defaultLimitPerMinute, enforceCompletionRateLimit, limitFor, resetRateLimits } from "./rate-limit";

const keyCaller = (id: string, rateLimitPerMinute: number | null = null): Caller => ({ kind: "api_key", apiKeyId: id, scope: "completions", userId: null, rateLimitPerMinute });

afterEach(() => {
  delete process.env.PROMPTLY_RATE_LIMIT_PER_MINUTE;
  resetRateLimits();
});

describe("completion rate limit", () => {
  it("is off by default; the env sets it; a key's own value wins (0: unlimited)", () => {
    expect(defaultLimitPerMinute(undefined)).toBe(0);
    expect(defaultLimitPerMinute("")).toBe(0);
    expect(defaultLimitPerMinute("abc")).toBe(0);
    expect(defaultLimitPerMinute("-3")).toBe(0);
    expect(defaultLimitPerMinute("60")).toBe(60);
    expect(limitFor(null, 60)).toBe(60);
    expect(limitFor(5, 60)).toBe(5);
    expect(limitFor(0, 60)).toBe(0);
  });

  it("refuses the sixth call of a minute with 5/min: 429, retry-after, error envelope fields", async () => {
    process.env.PROMPTLY_RATE_LIMIT_PER_MINUTE = "5";
    const caller = keyCaller("key-a");
    for (let i = 0; i < 5; i++) await enforceCompletionRateLimit(caller);
    const refusal = await enforceCompletionRateLimit(caller).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ status: 429, type: "rate_limit_error", code: "rate_limit_exceeded" });
    const seconds = Number((refusal as { headers: Record<string, string> }).headers["retry-after"]);
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(seconds).toBeLessThanOrEqual(60);
    expect((refusal as Error).message).toMatch(/5 completions per minute/);
    // Counted per key: another key still has its own five.
    await expect(enforceCompletionRateLimit(keyCaller("key-b"))).resolves.toBeUndefined();
  });

  it("leaves sessions (the playground) and unlimited keys alone", async () => {
    process.env.PROMPTLY_RATE_LIMIT_PER_MINUTE = "1";
    const person: Caller = { kind: "session", userId: "u", email: "u@x.test", role: "viewer" };
    for (let i = 0; i < 3; i++) await enforceCompletionRateLimit(person);
    for (let i = 0; i < 3; i++) await enforceCompletionRateLimit(keyCaller("unlimited", 0));
    await enforceCompletionRateLimit(keyCaller("per-key", 2));
    await enforceCompletionRateLimit(keyCaller("per-key", 2));
    await expect(enforceCompletionRateLimit(keyCaller("per-key", 2))).rejects.toMatchObject({ status: 429 });
  });
});

// Two instances on one PostgreSQL (TEST_DATABASE_URL) share the counters of one key.
const pg = process.env.TEST_DATABASE_URL;
describe.skipIf(!pg)("on PostgreSQL", () => {
  it("counts across instances: 3 calls on each of two with 5/min, the sixth is refused", async () => {
    const schema = `rl_${Date.now().toString(36)}`;
    const url = new URL(pg as string);
    url.searchParams.set("schema", schema);
    const [a, b] = [createPrismaClient(url.toString()), createPrismaClient(url.toString())];
    try {
      await a.$executeRawUnsafe(`CREATE SCHEMA "${schema}"`);
      const sql = fs.readFileSync(path.resolve("prisma/postgres/migrations/20261201000000_access_control/migration.sql"), "utf8");
      const table = sql.slice(sql.indexOf('CREATE TABLE "rate_limit"'), sql.indexOf(";", sql.indexOf('CREATE TABLE "rate_limit"')) + 1);
      await a.$executeRawUnsafe(table.replace('"rate_limit"', `"${schema}"."rate_limit"`));
      const [limiterA, limiterB] = [createCompletionLimiter(5, a), createCompletionLimiter(5, b)];
      const results: string[] = [];
      for (const limiter of [limiterA, limiterB, limiterA, limiterB, limiterA, limiterB]) {
        results.push(await limiter.consume("shared-key").then(() => "ok", () => "refused"));
      }
      expect(results).toEqual(["ok", "ok", "ok", "ok", "ok", "refused"]);
    } finally {
      await a.$executeRawUnsafe(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await Promise.all([a.$disconnect(), b.$disconnect()]);
    }
  });
});
