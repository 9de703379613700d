import { beforeAll, describe, expect, it } from "vitest";
import { auth } from "@/lib/auth/auth";
import { db } from "@/lib/core/db";
import { INVITE_TOKEN_HEADER } from "./header";
import { checkInvite, claimInvite, createInvite, hashInviteToken, InviteRefused, listInvites, revokeInvite } from "./invites";
import { createInviteSchema } from "./schemas";

const ORIGIN = "http://promptly.test";
const make = (input: { email?: string | null; role?: "editor" | "viewer"; expires_in_seconds?: number } = {}, now?: Date) =>
  createInvite({ email: input.email ?? null, role: input.role ?? "editor", expires_in_seconds: input.expires_in_seconds ?? 3600 }, { createdById: null, origin: ORIGIN, now });

/** Sign-up as the browser does it: POST /api/auth/sign-up/email through better-auth's handler. */
async function signUp(email: string, token?: string) {
  const headers: Record<string, string> = { "content-type": "application/json", origin: "http://127.0.0.1:3000" };
  if (token) headers[INVITE_TOKEN_HEADER] = token;
  const response = await auth.handler(
    new Request("http://127.0.0.1:3000/api/auth/sign-up/email", { method: "POST", headers, body: JSON.stringify({ name: "Invited", email, password: "long-enough-password" }) }),
  );
  return { status: response.status, body: (await response.json().catch(() => null)) as { message?: string; user?: { role?: string } } | null };
}

beforeAll(async () => {
  // Sign-up is closed once a user exists: make the owner first.
  await db.user.create({ data: { id: "owner-1", name: "Owner", email: "owner@x.test", role: "owner" } });
});

describe("invitations", () => {
  it("stores only the token's hash and gives a link with the token", async () => {
    const invite = await make({ email: "Someone@X.test", role: "viewer" });
    expect(invite.url).toBe(`${ORIGIN}/invite/${invite.token}`);
    expect(invite.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await db.invite.findUniqueOrThrow({ where: { id: invite.id } });
    expect(row.tokenHash).toBe(hashInviteToken(invite.token));
    expect(JSON.stringify(row)).not.toContain(invite.token);
    expect(invite).toMatchObject({ role: "viewer", status: "pending", used_at: null });
    const listed = (await listInvites()).data.find((i) => i.id === invite.id);
    expect(JSON.stringify(listed)).not.toContain(invite.token);
  });

  it("defaults to 7 days and validates the input", () => {
    expect(createInviteSchema.parse({ role: "editor" })).toEqual({ email: null, role: "editor", expires_in_seconds: 7 * 24 * 3600 });
    expect(createInviteSchema.parse({ role: "viewer", email: " A@B.test " }).email).toBe("a@b.test");
    expect(createInviteSchema.parse({ role: "viewer", email: "" }).email).toBeNull();
    expect(createInviteSchema.safeParse({ role: "owner" }).success).toBe(false);
    expect(createInviteSchema.safeParse({ role: "editor", email: "not-an-email" }).success).toBe(false);
    expect(createInviteSchema.safeParse({ role: "editor", expires_in_seconds: 0 }).success).toBe(false);
  });

  it("tells why a link can't be used: unknown, expired, revoked, used", async () => {
    expect(await checkInvite("nope")).toEqual({ ok: false, message: expect.stringMatching(/not valid/) });
    const expired = await make({}, new Date(Date.now() - 7200_000));
    expect(await checkInvite(expired.token)).toEqual({ ok: false, message: expect.stringMatching(/expired/) });
    const revoked = await make();
    await revokeInvite(revoked.id);
    expect(await checkInvite(revoked.token)).toEqual({ ok: false, message: expect.stringMatching(/revoked/) });
    const fine = await make();
    expect(await checkInvite(fine.token)).toMatchObject({ ok: true, invite: { id: fine.id } });
    await claimInvite(fine.token, "fine@x.test");
    expect(await checkInvite(fine.token)).toEqual({ ok: false, message: expect.stringMatching(/already been used/) });
    await expect(revokeInvite("no-such-invite")).rejects.toMatchObject({ status: 404 });
  });

  it("is claimed once, even by two sign-ups racing", async () => {
    const invite = await make();
    const results = await Promise.allSettled([claimInvite(invite.token, "a@x.test"), claimInvite(invite.token, "b@x.test")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(InviteRefused);
  });

  it("with an email, only that address may accept", async () => {
    const invite = await make({ email: "only@x.test" });
    await expect(claimInvite(invite.token, "other@x.test")).rejects.toMatchObject({ reason: "wrong_email" });
    await expect(claimInvite(invite.token, "ONLY@x.test")).resolves.toBe("editor");
  });
});

describe("sign-up after the owner exists", () => {
  it("is closed without an invitation", async () => {
    const answer = await signUp("stranger@x.test");
    expect(answer.status).toBe(403);
    expect(answer.body?.message).toMatch(/Sign-up is closed/);
    expect(await db.user.findUnique({ where: { email: "stranger@x.test" } })).toBeNull();
  });

  it("with a valid invitation creates the account with the invite's role, once", async () => {
    const invite = await make({ role: "viewer" });
    const answer = await signUp("viewer@x.test", invite.token);
    expect(answer.status).toBe(200);
    expect((await db.user.findUniqueOrThrow({ where: { email: "viewer@x.test" } })).role).toBe("viewer");
    expect(await db.invite.findUniqueOrThrow({ where: { id: invite.id } })).toMatchObject({ usedBy: "viewer@x.test", usedAt: expect.any(Date) });

    const again = await signUp("second@x.test", invite.token);
    expect(again.status).toBe(403);
    expect(again.body?.message).toMatch(/already been used/);
  });

  it("refuses an expired or made-up token with a clear message", async () => {
    const expired = await make({ expires_in_seconds: 1 }, new Date(Date.now() - 5000));
    const answer = await signUp("late@x.test", expired.token);
    expect(answer.status).toBe(403);
    expect(answer.body?.message).toMatch(/expired/);
    expect((await signUp("forger@x.test", "made-up-token")).body?.message).toMatch(/not valid/);
    expect(await db.user.count({ where: { email: { in: ["late@x.test", "forger@x.test"] } } })).toBe(0);
  });
});
