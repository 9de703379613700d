import type { ZodError } from "zod";

export type FieldErrors = Partial<Record<string, string>>;

/** The first message per top-level field of a zod error, for showing under each input. */
export function fieldErrors(error: ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    out[key] ??= issue.message.charAt(0).toUpperCase() + issue.message.slice(1);
  }
  return out;
}

export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} data-testid={id} className="mt-1 text-xs text-red-600 dark:text-red-400">
      {message}
    </p>
  );
}
