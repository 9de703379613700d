import { describe, expect, it } from "vitest";
import { beginSignInAttempt, lockDuration, lockoutPolicy, signInSucceeded } from "./sign-in-lockout";

const policy = { maxFailures: 3, lockMs: 60_000 };
const at = (ms: number) => new Date(Date.UTC(2026, 11, 3, 9, 0, 0) + ms);

describe("sign-in lockout", () => {
  it("reads its thresholds from the environment, 10 failures and 15 minutes by default", () => {
    expect(lockoutPolicy({})).toEqual({ maxFailures: 10, lockMs: 15 * 60_000 });
    expect(lockoutPolicy({ PROMPTLY_SIGNIN_MAX_FAILURES: "5", PROMPTLY_SIGNIN_LOCKOUT_MINUTES: "2" })).toEqual({ maxFailures: 5, lockMs: 120_000 });
    expect(lockoutPolicy({ PROMPTLY_SIGNIN_MAX_FAILURES: "zero" }).maxFailures).toBe(10);
  });

  it("locks after the limit, then doubles each lock while the failures go on", async () => {
    const email = "Someone@Example.test";
    for (let i = 0; i < 3; i++) expect(await beginSignInAttempt(email, policy, at(i))).toEqual({ allowed: true });
    expect(await beginSignInAttempt("someone@example.test", policy, at(10))).toEqual({ allowed: false, retryAfterSeconds: 60 });
    // After the lock: one more try, and its lock is twice as long.
    expect(await beginSignInAttempt(email, policy, at(61_000))).toEqual({ allowed: true });
    expect(await beginSignInAttempt(email, policy, at(62_000))).toEqual({ allowed: false, retryAfterSeconds: 119 });
    expect(lockDuration(3, policy)).toBe(60_000);
    expect(lockDuration(5, policy)).toBe(240_000);
    expect(lockDuration(100, policy)).toBe(24 * 60 * 60 * 1000);
  });

  it("counts unknown emails exactly like real ones, and concurrent attempts one by one", async () => {
    const results = await Promise.all(Array.from({ length: 6 }, () => beginSignInAttempt("ghost@example.test", policy, at(0))));
    expect(results.filter((r) => r.allowed)).toHaveLength(3);
  });

  it("starts over after a successful sign-in", async () => {
    const email = "back@example.test";
    for (let i = 0; i < 2; i++) await beginSignInAttempt(email, policy, at(i));
    await signInSucceeded(email);
    for (let i = 0; i < 3; i++) expect((await beginSignInAttempt(email, policy, at(10 + i))).allowed).toBe(true);
    expect((await beginSignInAttempt(email, policy, at(20))).allowed).toBe(false);
  });
});
