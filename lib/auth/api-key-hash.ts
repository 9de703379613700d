import { createHash, randomBytes } from "node:crypto";

export const API_KEY_PREFIX = "pk-promptly-";

/**
 * A new API key: a fixed prefix (so leaked keys are recognisable) and 32 random bytes in hex.
 * Hex, not base64url: its `-` and `_` are the separators the bootstrap key's strength
 * estimate cuts at, and a generated key must always pass that check.
 */
export function generateApiKey(): string {
  return API_KEY_PREFIX + randomBytes(32).toString("hex");
}

/** API keys are stored only as this SHA-256 hex digest. */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** The part of a key shown in lists: enough to tell keys apart, useless to an attacker. */
export function visiblePrefix(key: string): string {
  return key.slice(0, API_KEY_PREFIX.length + 4);
}
