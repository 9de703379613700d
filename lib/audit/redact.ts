/**
 * Secrets never reach the audit log: any field whose name says it holds one (a virtual key's
 * secret, an API key or its hash, a password, a token, a webhook secret...) is replaced, at
 * any depth, before before/after are written.
 */
// "token" only at the end of a name (access_token, idToken): max_tokens is a setting, not a secret.
const SECRET_FIELD = /(secret|password|passwd|hash|token$|credential|authorization|private|cookie|^key$|^api_?key$|plaintext)/i;
export const REDACTED = "[redacted]";

export function redactSecrets(value: unknown, depth = 0): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  if (typeof value !== "object") return value;
  if (depth > 8) return "[truncated]";
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(value as Record<string, unknown>)) {
    if (field === undefined) continue;
    out[name] = SECRET_FIELD.test(name) && field !== null ? REDACTED : redactSecrets(field, depth + 1);
  }
  return out;
}
