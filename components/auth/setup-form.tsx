"use client";
import { TextField } from "@/components/ui/text-field";
import { authClient } from "@/lib/auth/client";
import { AuthForm, newPassword, NewPasswordFields } from "./auth-form";

async function createOwner(form: FormData): Promise<string | null> {
  const checked = newPassword(form);
  if ("error" in checked) return checked.error;
  const { error } = await authClient.signUp.email({ name: String(form.get("name")), email: String(form.get("email")), password: checked.password });
  return error ? (error.message ?? "Could not create the account.") : null;
}

export function SetupForm() {
  return (
    <AuthForm testId="setup-form" submitLabel="Create owner account" pendingLabel="Creating…" submit={createOwner}>
      <TextField label="Your name" id="name" name="name" required autoComplete="name" autoFocus />
      <TextField label="Email" id="email" name="email" type="email" required autoComplete="email" />
      <NewPasswordFields />
    </AuthForm>
  );
}
