import { recordChange } from "@/lib/audit/record";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/core/db";
import type { Invite } from "@/lib/generated/prisma/client";
import type { RequestHeaders } from "@/lib/core/http/api-request";
import { notFound } from "@/lib/core/http/errors";
import type { CreatedInvite, InviteRole, InviteStatus, InviteSummary } from "./schemas";

/**
 * Invitations: the owner makes a link with a random token; whoever opens it before it
 * expires creates an account with the invite's role (the better-auth create hook in
 * lib/auth/auth.ts claims it). The token is shown once; only its SHA-256 is stored, so a
 * database leak gives no working link.
 */
export const hashInviteToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

/** Why an invitation can't be used, in words the invitee can act on. */
export class InviteRefused extends Error {
  constructor(readonly reason: "invalid" | Exclude<InviteStatus, "pending"> | "wrong_email", message: string) {
    super(message);
    this.name = "InviteRefused";
  }
}

const REFUSALS = {
  invalid: "This invitation link is not valid: ask the owner for a new one",
  used: "This invitation has already been used: sign in instead, or ask the owner for a new one",
  revoked: "This invitation was revoked: ask the owner for a new one",
  expired: "This invitation has expired: ask the owner for a new one",
  wrong_email: "This invitation is for another email address",
} as const;

export function inviteStatus(invite: Pick<Invite, "usedAt" | "revokedAt" | "expiresAt">, now = new Date()): InviteStatus {
  if (invite.usedAt) return "used";
  if (invite.revokedAt) return "revoked";
  return invite.expiresAt.getTime() <= now.getTime() ? "expired" : "pending";
}

function summary(invite: Invite): InviteSummary {
  return {
    id: invite.id,
    email: invite.email,
    role: invite.role as InviteRole,
    status: inviteStatus(invite),
    created_at: invite.createdAt.toISOString(),
    expires_at: invite.expiresAt.toISOString(),
    used_at: invite.usedAt?.toISOString() ?? null,
    used_by: invite.usedBy,
    revoked_at: invite.revokedAt?.toISOString() ?? null,
  };
}

export async function createInvite(
  input: { email: string | null; role: InviteRole; expires_in_seconds: number },
  options: { createdById: string | null; origin: string; now?: Date },
): Promise<CreatedInvite> {
  const token = randomBytes(32).toString("base64url");
  const now = options.now ?? new Date();
  const invite = await db.invite.create({
    data: {
      tokenHash: hashInviteToken(token),
      email: input.email,
      role: input.role,
      createdById: options.createdById,
      createdAt: now,
      expiresAt: new Date(now.getTime() + input.expires_in_seconds * 1000),
    },
  });
  await recordChange(db, { action: "invite.create", target: { type: "invite", id: invite.id, name: invite.email }, after: summary(invite) });
  return { ...summary(invite), token, url: `${options.origin}/invite/${token}` };
}

/** Newest first; used, expired and revoked ones stay listed as history. */
export async function listInvites(): Promise<{ data: InviteSummary[]; total: number }> {
  const rows = await db.invite.findMany({ orderBy: { createdAt: "desc" }, take: 200 });
  return { data: rows.map(summary), total: rows.length };
}

/** Revoking twice, or revoking a used invite, changes nothing; an unknown id is a 404. */
export async function revokeInvite(id: string): Promise<Record<string, never>> {
  const exists = await db.invite.findUnique({ where: { id }, select: { id: true } });
  if (!exists) throw notFound(`Invite '${id}' not found`);
  const { count } = await db.invite.updateMany({ where: { id, usedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count > 0) await recordChange(db, { action: "invite.revoke", target: { type: "invite", id } });
  return {};
}

/** For the /invite page: the invitation a token opens, or why it can't be used. */
export async function checkInvite(token: string): Promise<{ ok: true; invite: InviteSummary } | { ok: false; message: string }> {
  const invite = token ? await db.invite.findUnique({ where: { tokenHash: hashInviteToken(token) } }) : null;
  if (!invite) return { ok: false, message: REFUSALS.invalid };
  const status = inviteStatus(invite);
  return status === "pending" ? { ok: true, invite: summary(invite) } : { ok: false, message: REFUSALS[status] };
}

/**
 * Uses the invitation up for the account being created with `email`: one conditional
 * update, so two sign-ups racing on one link can't both win. Returns the role to give.
 */
export async function claimInvite(token: string, email: string, now = new Date()): Promise<InviteRole> {
  const tokenHash = hashInviteToken(token);
  const invite = await db.invite.findUnique({ where: { tokenHash } });
  if (!invite) throw new InviteRefused("invalid", REFUSALS.invalid);
  const status = inviteStatus(invite, now);
  if (status !== "pending") throw new InviteRefused(status, REFUSALS[status]);
  if (invite.email && invite.email !== email.trim().toLowerCase()) throw new InviteRefused("wrong_email", REFUSALS.wrong_email);
  const claimed = await db.invite.updateMany({
    where: { tokenHash, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now, usedBy: email.trim().toLowerCase() },
  });
  if (claimed.count === 0) throw new InviteRefused("used", REFUSALS.used);
  return invite.role as InviteRole;
}

/**
 * The origin links are made for: PROMPTLY_BASE_URL when set (behind a proxy that rewrites
 * Host), else the origin the owner's request was addressed to.
 */
export function publicOrigin(headers: Pick<RequestHeaders, "get">): string {
  const configured = process.env.PROMPTLY_BASE_URL?.replace(/\/+$/, "");
  if (configured) return configured;
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? "localhost";
  const proto = headers.get("x-forwarded-proto") ?? "http";
  return `${proto}://${host}`;
}
