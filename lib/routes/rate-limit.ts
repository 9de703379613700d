import { RateLimiterCluster, RateLimiterMemory, RateLimiterPrisma, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { Caller } from "@/lib/auth/caller";
import { inCluster } from "@/lib/core/cluster/broadcast";
import { db, type PrismaClient } from "@/lib/core/db";
import { databaseDialect } from "@/lib/core/db/dialect";
import { ApiError } from "@/lib/core/http/errors";
import { runtimeSlot } from "@/lib/core/runtime";

/**
 * Per API key limit on the completion and render routes, off by default.
 * PROMPTLY_RATE_LIMIT_PER_MINUTE sets it for every key; a key's own `rate_limit_per_minute`
 * overrides it (0: unlimited). Each route counts on its own: rendering (a client checking
 * what it would send) never spends the key's completions, and the other way round.
 * Session callers (the playground) are not limited: a person is not a runaway script.
 *
 * SQLite is one instance, so counters live in memory: this process's, or with several
 * workers (PROMPTLY_WORKERS) the primary's, which every worker counts against over IPC
 * (server/cluster-primary.ts). On PostgreSQL several instances share the counters in the
 * `rate_limit` table through rate-limiter-flexible's Prisma store, with an in-memory limiter
 * as insurance should the database not answer.
 */
export function defaultLimitPerMinute(env = process.env.PROMPTLY_RATE_LIMIT_PER_MINUTE): number {
  const value = Number(env);
  return Number.isInteger(value) && value > 0 ? value : 0;
}

export function limitFor(override: number | null | undefined, fallback = defaultLimitPerMinute()): number {
  return override === null || override === undefined ? fallback : override;
}

// A runtime slot: the custom server's fast routes bundle their own copy of lib/ beside
// Next's, and both must count against the same limiters.
const limiters = runtimeSlot("rate-limiters", () => new Map<string, RateLimiterAbstract>());

/** The routes that count, each with its own counters. */
export type LimitedRoute = "completions" | "render";

/** One limiter per route and limit value (the library fixes `points` per limiter); keys are API key ids. */
function limiterFor(points: number, route: LimitedRoute): RateLimiterAbstract {
  const id = `${route}-${points}`;
  let limiter = limiters.get(id);
  if (!limiter) {
    limiter = createCompletionLimiter(points, databaseDialect(process.env.DATABASE_URL) === "postgres" ? db : inCluster() ? "cluster" : null, route);
    limiters.set(id, limiter);
  }
  return limiter;
}

/** In memory, in the primary's memory ("cluster"), or counting in the database of `store` (PostgreSQL: shared by every instance). */
export function createCompletionLimiter(points: number, store: PrismaClient | "cluster" | null, route: LimitedRoute = "completions"): RateLimiterAbstract {
  const options = { points, duration: 60, keyPrefix: `${route}-${points}` };
  if (store === "cluster") return new RateLimiterCluster(options);
  const memory = new RateLimiterMemory(options);
  if (!store) return memory;
  return new RateLimiterPrisma({
    ...options,
    storeClient: store,
    tableName: "rateLimit", // the Prisma client's accessor for model RateLimit
    insuranceLimiter: memory,
    // Once a key is spent, refuse its next calls here without asking the database.
    inMemoryBlockOnConsumed: points,
  });
}

/** Throws the 429 (error envelope, `retry-after` header) when the key is over its completions limit. */
export function enforceCompletionRateLimit(caller: Caller | null): Promise<void> {
  return enforceRateLimit(caller, "completions");
}

/** The same limit on /render, counted apart. */
export function enforceRenderRateLimit(caller: Caller | null): Promise<void> {
  return enforceRateLimit(caller, "render");
}

async function enforceRateLimit(caller: Caller | null, route: LimitedRoute): Promise<void> {
  if (caller?.kind !== "api_key") return;
  const points = limitFor(caller.rateLimitPerMinute);
  if (points <= 0) return;
  try {
    await limiterFor(points, route).consume(caller.apiKeyId);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw new ApiError(
      429,
      `Rate limit exceeded: this API key may ${route === "render" ? `render ${points} prompts` : `run ${points} completions`} per minute. Retry after ${seconds} s.`,
      "rate_limit_error",
      "rate_limit_exceeded",
      null,
      { "retry-after": String(seconds) },
    );
  }
}

/** For tests: forget every counter. */
export function resetRateLimits(): void {
  limiters.clear();
}
