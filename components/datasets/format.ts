/** How the dataset pages show a JSON value in a cell: strings as they are, the rest as compact JSON. */
export function showValue(value: unknown): string {
  if (value === null || value === undefined) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** A textarea's text as a JSON object, or the problem with it. */
export function parseObject(text: string, what: string): { value: Record<string, unknown> } | { error: string } {
  if (text.trim() === "") return { value: {} };
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === "object" && value !== null && !Array.isArray(value)) return { value: value as Record<string, unknown> };
  } catch {
    // reported below
  }
  return { error: `${what} must be a JSON object, e.g. {"question": "..."}` };
}

/**
 * The expected answer typed in a field: plain text is a string; with `asJson`, the text is
 * parsed as JSON. Empty means no expected answer.
 */
export function parseExpected(text: string, asJson: boolean): { value: unknown } | { error: string } {
  if (text === "") return { value: null };
  if (!asJson) return { value: text };
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return { error: "expected is not valid JSON (untick JSON to store it as text)" };
  }
}
