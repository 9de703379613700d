import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { derivedKey } from "./master-key";

const VERSION = "v1";
const ALGORITHM = "aes-256-gcm";

export class SecretDecryptError extends Error {
  constructor() {
    super("stored secret could not be decrypted (wrong master key or tampered data)");
    this.name = "SecretDecryptError";
  }
}

/** Encrypts a provider secret with AES-256-GCM: `v1:<iv>:<tag>:<ciphertext>`, base64url. */
export function encryptSecret(plaintext: string, key: Buffer = derivedKey("secrets")): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv, tag, ciphertext].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(":");
}

/** Decrypts what encryptSecret made; any change to it (or another key) throws. */
export function decryptSecret(sealed: string, key: Buffer = derivedKey("secrets")): string {
  const parts = sealed.split(":");
  if (parts.length !== 4 || parts[0] !== VERSION) throw new SecretDecryptError();
  const [, iv, tag, ciphertext] = parts.map((part) => Buffer.from(part, "base64url"));
  try {
    const decipher = createDecipheriv(ALGORITHM, key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretDecryptError();
  }
}

/** What may be shown of a secret: its first 4 and last 4 characters at most. */
export function maskSecret(secret: string): string {
  if (secret.length <= 8) return "*".repeat(Math.max(secret.length, 4));
  return `${secret.slice(0, 4)}****${secret.slice(-4)}`;
}
