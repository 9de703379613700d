import fs from "node:fs";
import path from "node:path";

/**
 * Keys given from outside (PROMPTLY_BOOTSTRAP_API_KEY) must be hard to guess: an admin key
 * with a memorable value is an open door. The estimate is deliberately simple and
 * conservative: the key is cut at separators (- _ . :), and each part counts
 * length × log2(distinct characters in it), so words and repeated characters count for
 * little and random characters for what they are worth. `pk-promptly-` followed by
 * `openssl rand -hex 32` (64 hex characters) estimates at about 256 bits; at least 128 are needed.
 */
export const BOOTSTRAP_KEY_ENV = "PROMPTLY_BOOTSTRAP_API_KEY";
export const MIN_KEY_BITS = 128;

export function estimateKeyBits(key: string): number {
  let bits = 0;
  for (const part of key.split(/[-_.:]+/)) {
    const distinct = new Set(part).size;
    if (distinct > 1) bits += part.length * Math.log2(distinct);
  }
  return Math.floor(bits);
}

/** Throws, without repeating the key, when it is too weak to be created. */
export function assertStrongBootstrapKey(key: string): void {
  const bits = estimateKeyBits(key);
  if (bits >= MIN_KEY_BITS) return;
  throw new Error(
    `${BOOTSTRAP_KEY_ENV} is too weak (about ${bits} bits estimated; at least ${MIN_KEY_BITS} bits needed): ` +
      `use a random value such as pk-promptly-$(openssl rand -hex 32). The key was not created.`,
  );
}

export const FIRST_KEY_FILE = "first-api-key.txt";

/** Writes a generated key where only this user can read it (0600); returns the file's path. */
export function writeKeyFile(dir: string, key: string): string {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, FIRST_KEY_FILE);
  fs.writeFileSync(file, `${key}\n`, { mode: 0o600 });
  fs.chmodSync(file, 0o600); // an existing file keeps its mode on write
  return file;
}
