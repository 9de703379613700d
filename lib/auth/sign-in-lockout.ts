import { createHash } from "node:crypto";
import { db } from "@/lib/core/db";
import { limitValue, type Limit } from "@/lib/core/limits/content-limits";
import { isUniqueViolation } from "@/lib/prompts/db-helpers";

/**
 * Per-account lockout against password guessing, on top of better-auth's per-address limit
 * (which a botnet of addresses gets around). Counted per email whether or not it has an
 * account, so a locked unknown email looks exactly like a locked real one. In the database
 * (table sign_in_lock): every instance on PostgreSQL counts against the same rows.
 *
 * Each attempt is counted before its password is checked, with one conditional update, so
 * concurrent attempts can't slip past the limit together. The attempt that reaches
 * PROMPTLY_SIGNIN_MAX_FAILURES (10) locks the email for PROMPTLY_SIGNIN_LOCKOUT_MINUTES (15);
 * once a lock ends, one more attempt is allowed, and if it fails too the next lock is twice as
 * long (up to a day). A successful sign-in clears the count; a day without attempts too.
 */

export const MAX_FAILURES: Limit = { env: "PROMPTLY_SIGNIN_MAX_FAILURES", fallback: 10, unit: "failures" };
export const LOCKOUT_MINUTES: Limit = { env: "PROMPTLY_SIGNIN_LOCKOUT_MINUTES", fallback: 15, unit: "minutes" };
const DAY_MS = 24 * 60 * 60 * 1000;

export interface LockoutPolicy {
  maxFailures: number;
  lockMs: number;
}

export function lockoutPolicy(env: Record<string, string | undefined> = process.env): LockoutPolicy {
  return { maxFailures: limitValue(MAX_FAILURES, env), lockMs: limitValue(LOCKOUT_MINUTES, env) * 60_000 };
}

/** How long the lock after `failures` lasts: the base, doubled for each failure past the limit. */
export function lockDuration(failures: number, policy: LockoutPolicy): number {
  const doublings = Math.min(Math.max(0, failures - policy.maxFailures), 20);
  return Math.min(policy.lockMs * 2 ** doublings, Math.max(DAY_MS, policy.lockMs));
}

const accountKey = (email: string) => createHash("sha256").update(email.trim().toLowerCase(), "utf8").digest("hex");

export type AttemptDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Counts a sign-in attempt for `email`, or refuses it while the email is locked. */
export async function beginSignInAttempt(email: string, policy = lockoutPolicy(), now = new Date()): Promise<AttemptDecision> {
  const key = accountKey(email);
  const open = { OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] };
  // A count left from long ago starts over.
  await db.signInLock.deleteMany({ where: { key, updatedAt: { lt: new Date(now.getTime() - DAY_MS) }, ...open } });
  let row: { failures: number; allowedFailures: number; lockedUntil: Date | null } | null;
  try {
    // One UPDATE: each concurrent attempt gets its own count back, so no two can take the
    // last allowed place. It matches nothing while the email is locked.
    row = await db.signInLock.update({ where: { key, ...open }, data: { failures: { increment: 1 }, updatedAt: now } });
  } catch (error) {
    if (!isRecordNotFound(error)) throw error;
    row = await db.signInLock.findUnique({ where: { key } });
    if (row?.lockedUntil && row.lockedUntil > now) return refusal(row.lockedUntil, now);
    try {
      row = await db.signInLock.create({ data: { key, failures: 1, allowedFailures: policy.maxFailures, updatedAt: now } });
    } catch (createError) {
      // Another attempt created the row in between: count against it instead.
      if (!isUniqueViolation(createError)) throw createError;
      return beginSignInAttempt(email, policy, now);
    }
  }
  if (row.failures > row.allowedFailures) {
    // Past the last allowed place: the attempt that took it is setting the lock.
    return refusal(row.lockedUntil && row.lockedUntil > now ? row.lockedUntil : new Date(now.getTime() + lockDuration(row.allowedFailures, policy)), now);
  }
  if (row.failures === row.allowedFailures) {
    // The last allowed attempt: it goes ahead, and the lock starts. Once it ends, one more try.
    await db.signInLock.updateMany({
      where: { key },
      data: { lockedUntil: new Date(now.getTime() + lockDuration(row.failures, policy)), allowedFailures: row.failures + 1, failures: row.failures },
    });
  }
  return { allowed: true };
}

const isRecordNotFound = (error: unknown) => (error as { code?: string } | null)?.code === "P2025";

/** The right password: the email's count starts over. */
export async function signInSucceeded(email: string): Promise<void> {
  await db.signInLock.deleteMany({ where: { key: accountKey(email) } });
}

function refusal(until: Date, now: Date): AttemptDecision {
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)) };
}
