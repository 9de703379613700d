import { createCipheriv, createHash, randomBytes } from "node:crypto";
import { masterKey } from "@/lib/core/crypto/master-key";

/**
 * The format every stored secret had before ciphertexts were bound to their row: `v1`, no
 * additional data. Spelled out here (not imported) so tests keep producing what old
 * databases really hold, whatever lib/crypto becomes.
 */
export function legacySeal(plaintext: string): string {
  const key = createHash("sha256").update(masterKey()).update("promptly:secrets").digest();
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), data].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(":");
}
