"use client";
import { TextField } from "@/components/ui/text-field";
import { authClient } from "@/lib/auth/client";
import { INVITE_TOKEN_HEADER } from "@/lib/invites/header";
import type { InviteRole } from "@/lib/invites/schemas";
import { AuthForm, newPassword, NewPasswordFields } from "./auth-form";

/**
 * Signs up through better-auth like the setup form, with the invitation token in a header:
 * the server's create hook claims the invite and gives its role, or refuses the sign-up.
 */
export function InviteForm({ token, email, role }: { token: string; email: string | null; role: InviteRole }) {
  async function accept(form: FormData): Promise<string | null> {
    const checked = newPassword(form);
    if ("error" in checked) return checked.error;
    const { error } = await authClient.signUp.email({
      name: String(form.get("name")),
      email: email ?? String(form.get("email")),
      password: checked.password,
      fetchOptions: { headers: { [INVITE_TOKEN_HEADER]: token } },
    });
    return error ? (error.message ?? "Could not create the account.") : null;
  }

  return (
    <AuthForm testId="invite-form" data-role={role} submitLabel="Create account" pendingLabel="Creating…" submit={accept}>
      <TextField label="Your name" id="name" name="name" required autoComplete="name" autoFocus />
      <TextField
        label="Email"
        id="email"
        name="email"
        type="email"
        required
        autoComplete="email"
        defaultValue={email ?? undefined}
        readOnly={email !== null}
        title={email ? "This invitation is for this address" : undefined}
      />
      <NewPasswordFields />
    </AuthForm>
  );
}
