"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { authClient } from "@/lib/auth/client";

export function SetupForm() {
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
      email: String(form.get("email")),
      password,
    });
    setPending(false);
    if (error) return setError(error.message ?? "Could not create the account.");
    router.replace("/prompts");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" data-testid="setup-form">
      <TextField label="Your name" id="name" name="name" required autoComplete="name" autoFocus />
      <TextField label="Email" id="email" name="email" type="email" required autoComplete="email" />
      <TextField label="Password" id="password" name="password" type="password" required minLength={8} autoComplete="new-password" />
      <TextField label="Confirm password" id="confirm" name="confirm" type="password" required minLength={8} autoComplete="new-password" />
      {error ? <ErrorAlert>{error}</ErrorAlert> : null}
      <Button type="submit" disabled={pending} className="w-full" data-testid="setup-submit">
        {pending ? "Creating…" : "Create owner account"}
      </Button>
    </form>
  );
}
