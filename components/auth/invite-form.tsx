"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { authClient } from "@/lib/auth/client";
import { INVITE_TOKEN_HEADER } from "@/lib/invites/header";
import type { InviteRole } from "@/lib/invites/schemas";

/**
 * Signs up through better-auth like the setup form, with the invitation token in a header:
 * the server's create hook claims the invite and gives its role, or refuses the sign-up.
 */
export function InviteForm({ token, email, role }: { token: string; email: string | null; role: InviteRole }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password"));
    if (password !== String(form.get("confirm"))) return setError("The two passwords differ.");
    setPending(true);
    setError(null);
    const { error } = await authClient.signUp.email({
      name: String(form.get("name")),
      email: email ?? String(form.get("email")),
      password,
      fetchOptions: { headers: { [INVITE_TOKEN_HEADER]: token } },
    });
    setPending(false);
    if (error) return setError(error.message ?? "Could not create the account.");
    router.replace("/prompts");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" data-testid="invite-form" data-role={role}>
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
      <TextField label="Password" id="password" name="password" type="password" required minLength={8} autoComplete="new-password" />
      <TextField label="Confirm password" id="confirm" name="confirm" type="password" required minLength={8} autoComplete="new-password" />
      {error ? <ErrorAlert>{error}</ErrorAlert> : null}
      <Button type="submit" disabled={pending} className="w-full" data-testid="invite-submit">
        {pending ? "Creating…" : "Create account"}
      </Button>
    </form>
  );
}
