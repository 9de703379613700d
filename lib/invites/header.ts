/** The header the /invite page's sign-up carries the invitation token in (read by lib/auth/auth.ts). */
export const INVITE_TOKEN_HEADER = "x-promptly-invite";
