"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent, type ReactNode } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { AFTER_SIGN_IN, safeNextPath } from "@/lib/auth/next-path";

/**
 * The shell of the sign-in, setup and invitation forms: fields, the error of the last try,
 * a submit button that says it is working. `submit` answers an error to show, or null once
 * signed in, and then the user goes to `after` (a path on this site) or the prompts.
 */
export function AuthForm({
  testId,
  submitLabel,
  pendingLabel,
  submit,
  after,
  children,
  ...data
}: {
  /** The form's test id; the button's is the same with -submit in place of -form. */
  testId: `${string}-form`;
  submitLabel: string;
  pendingLabel: string;
  submit: (form: FormData) => Promise<string | null>;
  after?: string;
  children: ReactNode;
} & { [attribute: `data-${string}`]: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const failure = await submit(form);
    setPending(false);
    if (failure) return setError(failure);
    router.replace(safeNextPath(after) ?? AFTER_SIGN_IN);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" data-testid={testId} {...data}>
      {children}
      {error ? <ErrorAlert>{error}</ErrorAlert> : null}
      <Button type="submit" disabled={pending} className="w-full" data-testid={testId.replace(/-form$/, "-submit")}>
        {pending ? pendingLabel : submitLabel}
      </Button>
    </form>
  );
}

/** A new account's password, typed twice. */
export function NewPasswordFields() {
  return (
    <>
      <TextField label="Password" id="password" name="password" type="password" required minLength={8} autoComplete="new-password" />
      <TextField label="Confirm password" id="confirm" name="confirm" type="password" required minLength={8} autoComplete="new-password" />
    </>
  );
}

/** The password of a sign-up form, or the error to show when the two typed differ. */
export function newPassword(form: FormData): { password: string } | { error: string } {
  const password = String(form.get("password"));
  return password === String(form.get("confirm")) ? { password } : { error: "The two passwords differ." };
}
