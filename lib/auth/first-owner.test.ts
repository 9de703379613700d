import { describe, expect, it } from "vitest";
import { db } from "@/lib/core/db";
import { auth } from "./auth";

describe("the first owner", () => {
  it("is exactly one account when sign-ups on a fresh install race", async () => {
    const results = await Promise.allSettled(
      ["a", "b", "c", "d"].map((name) =>
        auth.api.signUpEmail({ body: { name, email: `${name}@race.test`, password: "race-password-123" }, headers: new Headers() }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const users = await db.user.findMany({ select: { role: true } });
    expect(users).toEqual([{ role: "owner" }]);
  });

  it("is never what a later account defaults to", async () => {
    const user = await db.user.create({ data: { id: "plain", name: "Plain", email: "plain@race.test", updatedAt: new Date() } });
    expect(user.role).toBe("viewer");
  });
});

describe("claimFirstOwner", () => {
  it("lets one of many concurrent claims win, and a stale claim be taken over", async () => {
    await db.session.deleteMany();
    await db.account.deleteMany();
    await db.user.deleteMany();
    await db.ownerClaim.deleteMany();
    const { claimFirstOwner } = await import("./first-owner");
    const now = new Date();
    const wins = await Promise.all(Array.from({ length: 10 }, (_, i) => claimFirstOwner(`c${i}@race.test`, now)));
    expect(wins.filter(Boolean)).toHaveLength(1);
    expect(await claimFirstOwner("late@race.test", new Date(now.getTime() + 1_000))).toBe(false);
    // The winner's sign-up never made its account: a minute later someone else may set up.
    expect(await claimFirstOwner("later@race.test", new Date(now.getTime() + 61_000))).toBe(true);
  });
});
