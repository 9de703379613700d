import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { derivedKey } from "./master-key";

// v1: no additional data (before secrets were bound to their record); v2: bound.
const LEGACY_VERSION = "v1";
const VERSION = "v2";
const ALGORITHM = "aes-256-gcm";

export class SecretDecryptError extends Error {
  constructor() {
    super("stored secret could not be decrypted (wrong master key, tampered data, or a ciphertext copied from another record)");
    this.name = "SecretDecryptError";
  }
}

/**
 * Encrypts a secret with AES-256-GCM: `v2:<iv>:<tag>:<ciphertext>`, base64url. `boundTo`
 * (the owning record, e.g. `virtual-key:<id>`) is authenticated additional data: the
 * ciphertext decrypts under that record only, so copying it onto another row (one with
 * another host, say) yields an error, not the secret.
 */
export function encryptSecret(plaintext: string, boundTo: string, key: Buffer = derivedKey("secrets")): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  cipher.setAAD(Buffer.from(boundTo, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(":");
}

/** Decrypts what encryptSecret made for `boundTo`; any change to it (or another key, record) throws. */
export function decryptSecret(sealed: string, boundTo: string, key: Buffer = derivedKey("secrets")): string {
  return open(sealed, VERSION, Buffer.from(boundTo, "utf8"), key);
}

/** Whether `sealed` is in the old unbound format, which only the start-up upgrade reads. */
export function isLegacySealed(sealed: string): boolean {
  return sealed.startsWith(`${LEGACY_VERSION}:`);
}

/** Decrypts the old unbound format; only for re-encrypting it (lib/lifecycle/startup.ts). */
export function decryptLegacySecret(sealed: string, key: Buffer = derivedKey("secrets")): string {
  return open(sealed, LEGACY_VERSION, null, key);
}

function open(sealed: string, version: string, aad: Buffer | null, key: Buffer): string {
  const parts = sealed.split(":");
  if (parts.length !== 4 || parts[0] !== version) throw new SecretDecryptError();
  const [, iv, tag, ciphertext] = parts.map((part) => Buffer.from(part, "base64url"));
  try {
    const decipher = createDecipheriv(ALGORITHM, key, iv);
    if (aad) decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretDecryptError();
  }
}

const MASK_VISIBLE = 4;

/**
 * What may be shown of a secret: its first 4 and last 4 characters, and only when at least as
 * many stay hidden; a shorter secret is all mask, a fixed "****" that does not give its length.
 */
export function maskSecret(secret: string): string {
  if (secret.length < MASK_VISIBLE * 4) return "****";
  return `${secret.slice(0, MASK_VISIBLE)}****${secret.slice(-MASK_VISIBLE)}`;
}
