"use client";
import { TextField } from "@/components/ui/text-field";
import { authClient } from "@/lib/auth/client";
import { AuthForm } from "./auth-form";

async function signIn(form: FormData): Promise<string | null> {
  const { error } = await authClient.signIn.email({ email: String(form.get("email")), password: String(form.get("password")) });
  if (!error) return null;
  return error.status === 401 ? "Wrong email or password." : (error.message ?? "Could not sign in.");
}

/** `next`: the page to open after signing in (already checked to be a path on this site). */
export function SignInForm({ next }: { next?: string | null }) {
  return (
    <AuthForm testId="sign-in-form" submitLabel="Sign in" pendingLabel="Signing in…" submit={signIn} after={next ?? undefined}>
      <TextField label="Email" id="email" name="email" type="email" required autoComplete="email" autoFocus />
      <TextField label="Password" id="password" name="password" type="password" required autoComplete="current-password" />
    </AuthForm>
  );
}
