import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const SECRET_KEY_ENV = "PROMPTLY_SECRET_KEY";

export function dataDir(): string {
  return path.resolve(/* turbopackIgnore: true */ process.env.PROMPTLY_DATA_DIR || ".promptly");
}

let cached: Buffer | undefined;

/**
 * The 32-byte master key that encrypts provider secrets and signs sessions.
 * From PROMPTLY_SECRET_KEY when set (any string of 32+ characters, hashed to 32 bytes);
 * otherwise from a key file generated on first start (mode 0600, git-ignored).
 */
export function masterKey(): Buffer {
  if (cached) return cached;
  cached = createHash("sha256").update(masterKeyMaterial(), "utf8").digest();
  return cached;
}

function masterKeyMaterial(): string {
  const fromEnv = process.env[SECRET_KEY_ENV];
  if (fromEnv) {
    if (fromEnv.length < 32) {
      throw new Error(`${SECRET_KEY_ENV} must be at least 32 characters (try: openssl rand -hex 32)`);
    }
    return fromEnv;
  }
  const file = path.join(dataDir(), "secret.key");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const generated = randomBytes(32).toString("hex");
  try {
    // "wx": when several processes start at once, exactly one writes the file.
    fs.writeFileSync(file, generated + "\n", { flag: "wx", mode: 0o600 });
    console.warn(
      `[promptly] ${SECRET_KEY_ENV} is not set: generated a master key into ${file} (mode 0600). ` +
        "Back it up: without it, stored provider keys cannot be decrypted.",
    );
    return generated;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return fs.readFileSync(file, "utf8").trim();
  }
}

/** A key for one purpose, derived from the master key so that no two uses share a key. */
export function derivedKey(purpose: string): Buffer {
  return createHash("sha256").update(masterKey()).update(`promptly:${purpose}`).digest();
}

/** For tests: forget the cached key (after changing the environment). */
export function resetMasterKeyCache(): void {
  cached = undefined;
}
