import type { ZodError } from "zod";

/**
 * zod's messages are written for developers ("Too small: expected string to have >=1
 * characters"). Forms show these instead: one sentence per field, naming the field as the
 * form labels it. Schemas' own messages ("must not be empty") are kept, after the label.
 */
export type FriendlyErrors = Partial<Record<string, string>>;

type Issue = ZodError["issues"][number];

// zod's built-in messages all start so; a schema's own message never does.
const BUILT_IN = /^(Too small|Too big|Invalid|Expected|Unrecognized)/;

function describe(issue: Issue): string {
  if (!BUILT_IN.test(issue.message)) return issue.message;
  const { minimum, maximum, origin, expected } = issue as Issue & { minimum?: number | bigint; maximum?: number | bigint; origin?: string; expected?: string };
  switch (issue.code) {
    case "invalid_type":
      // Issues carry no input (zod leaves it out unless asked); its message says what came.
      return /received (undefined|null)$/.test(issue.message) ? "is required" : expected === "number" ? "must be a number" : "has the wrong kind of value";
    case "too_small":
      if (origin === "string") return Number(minimum) <= 1 ? "is required" : `needs at least ${minimum} characters`;
      if (origin === "array" || origin === "set") return `needs at least ${minimum}`;
      return `must be at least ${minimum}`;
    case "too_big":
      if (origin === "string") return `must be at most ${maximum} characters`;
      if (origin === "array" || origin === "set") return `takes at most ${maximum}`;
      return `must be at most ${maximum}`;
    case "invalid_format":
      return "is not in the expected format";
    case "invalid_value":
      return "must be one of the offered choices";
    default:
      return "is not valid";
  }
}

/**
 * Field path → message, e.g. `{ name: "Name is required" }`. `labels` names fields by their
 * top-level key; an issue of a field without a label is named by its key.
 */
export function friendlyErrors(error: ZodError, labels: Record<string, string>): FriendlyErrors {
  const out: FriendlyErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    const label = labels[key] ?? (key === "form" ? "This form" : key.replace(/_/g, " "));
    out[key] ??= `${label.charAt(0).toUpperCase()}${label.slice(1)} ${describe(issue)}`;
  }
  return out;
}

/** All of a form's problems as one sentence, for a form-level error line. */
export function friendlySummary(errors: FriendlyErrors): string {
  return Object.values(errors).join(". ");
}
