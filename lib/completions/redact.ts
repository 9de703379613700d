/**
 * Providers sometimes quote the credential they were sent in an error ("Incorrect API key
 * provided: sk-..."). Their messages reach the caller, the log row and the server log, so
 * the secret is cut out first. Short values are left alone: masking "a" would mangle text.
 */
export function redactSecret(text: string, secret: string | null | undefined): string {
  if (!secret || secret.length < 8 || !text.includes(secret)) return text;
  return text.split(secret).join("[redacted]");
}
