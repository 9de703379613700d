import { z } from "zod";

/**
 * JSON Schema checks through zod's converter (already a dependency; it covers the keywords
 * structured-output schemas use: types, properties, required, enums, items, bounds, $ref to
 * $defs). A schema it cannot read is refused at save, not at run.
 */
export function schemaError(schema: Record<string, unknown>): string | null {
  try {
    z.fromJSONSchema(schema);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/** The first problem of `value` against the schema, or null when it conforms. */
export function schemaViolation(schema: Record<string, unknown>, value: unknown): string | null {
  const result = z.fromJSONSchema(schema).safeParse(value);
  if (result.success) return null;
  const issue = result.error.issues[0];
  const where = issue.path.length > 0 ? issue.path.join(".") : "the answer";
  return `${where}: ${issue.message}`;
}
