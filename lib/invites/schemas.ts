import { z } from "zod";

/**
 * Admin API for invitations (/v1/invites), shared by the route and the Members form: no
 * server imports, so the form can validate with it in the browser.
 */
export const INVITE_ROLES = ["editor", "viewer"] as const;
export type InviteRole = (typeof INVITE_ROLES)[number];

export const DEFAULT_INVITE_TTL_SECONDS = 7 * 24 * 3600;
const MAX_INVITE_TTL_SECONDS = 90 * 24 * 3600;

export const createInviteSchema = z.object({
  // Empty means "anyone with the link": the form sends "" when the field is left blank.
  email: z
    .string()
    .trim()
    .max(254)
    .transform((value) => value.toLowerCase())
    .pipe(z.union([z.literal(""), z.email("must be an email address")]))
    .nullish()
    .transform((value) => value || null),
  role: z.enum(INVITE_ROLES, { error: () => `must be one of: ${INVITE_ROLES.join(", ")}` }),
  expires_in_seconds: z.number().int().min(1).max(MAX_INVITE_TTL_SECONDS).default(DEFAULT_INVITE_TTL_SECONDS),
});
export type CreateInviteInput = z.input<typeof createInviteSchema>;

export type InviteStatus = "pending" | "used" | "expired" | "revoked";

/** What the list answers for one invitation: never its token (only a hash is stored). */
export interface InviteSummary {
  id: string;
  email: string | null;
  role: InviteRole;
  status: InviteStatus;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  used_by: string | null;
  revoked_at: string | null;
}

/** The answer to a create: the only time the token (and so the link) is ever sent. */
export interface CreatedInvite extends InviteSummary {
  token: string;
  url: string;
}
