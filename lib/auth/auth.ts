import { betterAuth } from "better-auth";
import { APIError } from "better-auth/api";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { db } from "@/lib/core/db";
import { databaseDialect } from "@/lib/core/db/dialect";
import { derivedKey } from "@/lib/core/crypto/master-key";
import { claimInvite, InviteRefused } from "@/lib/invites/invites";
import { claimFirstOwner } from "./first-owner";
import { INVITE_TOKEN_HEADER } from "@/lib/invites/header";

/**
 * Accounts: email and password through better-auth (hashing, sessions, cookies).
 * Sign-up is open only while there is no user: the first account is the owner, created on
 * the setup page. Later users arrive by invitation (lib/invites).
 */
export const auth = betterAuth({
  appName: "Promptly",
  // The provider follows DATABASE_URL like lib/core/db/index.ts: better-auth spells some queries per
  // database (case-insensitive matching is `mode: "insensitive"` on PostgreSQL only).
  database: prismaAdapter(db, { provider: databaseDialect(process.env.DATABASE_URL) === "postgres" ? "postgresql" : "sqlite" }),
  secret: derivedKey("auth-secret").toString("hex"),
  baseURL: process.env.PROMPTLY_BASE_URL || `http://${process.env.HOST || "127.0.0.1"}:${process.env.PORT || "3000"}`,
  // Self-hosted under any host name: also trust the origin the request was addressed to
  // (its Host header), which keeps better-auth's cross-site check a same-origin check.
  trustedOrigins: async (request) => [requestOrigin(request)],
  emailAndPassword: { enabled: true, minPasswordLength: 8, autoSignIn: true },
  user: {
    // The least rights unless something says otherwise: the owner is made by the create hook.
    additionalFields: {
      role: { type: "string", required: false, defaultValue: "viewer", input: false },
      publisher: { type: "boolean", required: false, defaultValue: false, input: false },
    },
  },
  advanced: {
    // scripts/server.mjs leaves exactly one address in x-forwarded-for: the socket's peer, or
    // the client a trusted proxy (PROMPTLY_TRUSTED_PROXIES) names (lib/core/http/client-address.ts).
    ipAddress: { ipAddressHeaders: ["x-forwarded-for"] },
  },
  telemetry: { enabled: false },
  databaseHooks: {
    user: {
      create: {
        // The first account is the owner (one claim row: two racing sign-ups can't both be);
        // later ones need a valid invitation token, sent by the /invite page in a header,
        // which gives the role. better-auth's APIError (not ours) so that sign-up answers 403
        // with the message instead of a generic failure.
        before: async (user, context) => {
          if (await claimFirstOwner(user.email)) return { data: { ...user, role: "owner" } };
          const token = context?.headers?.get(INVITE_TOKEN_HEADER) ?? context?.request?.headers.get(INVITE_TOKEN_HEADER);
          if (!token) throw new APIError("FORBIDDEN", { message: "Sign-up is closed: ask the owner for an invitation" });
          try {
            return { data: { ...user, role: await claimInvite(token, user.email) } };
          } catch (error) {
            if (error instanceof InviteRefused) throw new APIError("FORBIDDEN", { message: error.message, code: `INVITE_${error.reason.toUpperCase()}` });
            throw error;
          }
        },
      },
    },
  },
  plugins: [nextCookies()],
});

function requestOrigin(request: Request | undefined): string | null {
  const host = request?.headers.get("x-forwarded-host") ?? request?.headers.get("host");
  if (!host) return null;
  const proto = request?.headers.get("x-forwarded-proto") ?? "http";
  return `${proto}://${host}`;
}

export type AuthSession = typeof auth.$Infer.Session;
