import { decryptLegacySecret, decryptSecret, encryptSecret, isLegacySealed } from "@/lib/core/crypto/secret-box";
import { db } from "@/lib/core/db";

// The record a key's ciphertext is bound to (additional authenticated data).
const bindingOf = (id: string) => `virtual-key:${id}`;

export function sealKeySecret(id: string, plaintext: string): string {
  return encryptSecret(plaintext, bindingOf(id));
}

/** The plaintext secret of a stored key; throws SecretDecryptError when it is not this row's. */
export function openKeySecret(key: { id: string; encryptedSecret: string }): string {
  return decryptSecret(key.encryptedSecret, bindingOf(key.id));
}

/**
 * Re-encrypts secrets stored in the old format (not bound to their row), once, at start.
 * Idempotent and safe with several instances starting together: a row is only rewritten
 * while it still holds the ciphertext that was read. A row that can't be decrypted (another
 * master key) is left as it was and reported: nothing is lost.
 */
export async function upgradeLegacySecrets(log: (line: string) => void): Promise<void> {
  const rows = await db.virtualKey.findMany({ where: { encryptedSecret: { startsWith: "v1:" } }, select: { id: true, slug: true, encryptedSecret: true, updatedAt: true } });
  let upgraded = 0;
  for (const row of rows) {
    if (!isLegacySealed(row.encryptedSecret)) continue;
    let plaintext: string;
    try {
      plaintext = decryptLegacySecret(row.encryptedSecret);
    } catch {
      log(`[promptly] virtual key '${row.slug}': its stored secret can't be decrypted with this master key; left unchanged`);
      continue;
    }
    const { count } = await db.virtualKey.updateMany({
      where: { id: row.id, encryptedSecret: row.encryptedSecret },
      // updatedAt stays: re-encryption is not an edit anybody made.
      data: { encryptedSecret: sealKeySecret(row.id, plaintext), updatedAt: row.updatedAt },
    });
    upgraded += count;
  }
  if (upgraded > 0) log(`[promptly] re-encrypted ${upgraded} virtual key secret(s) bound to their record`);
}
