import { decryptSecret } from "@/lib/crypto/secret-box";
import { cached } from "@/lib/prompts/cache";
import { findVirtualKey, optionsOf } from "./virtual-keys";

export interface VirtualKeyCredentials {
  id: string;
  slug: string;
  provider: string;
  credentials: { apiKey: string; customHost: string | null; options: Record<string, string | undefined> };
}

/**
 * The decrypted credential the completion engine hands to a provider adapter, by virtual
 * key id or slug; null when there is no such key. Throws SecretDecryptError when the
 * stored secret can't be decrypted (a changed master key): that is a server fault.
 */
export async function getVirtualKeyCredentials(idOrSlug: string): Promise<VirtualKeyCredentials | null> {
  // On every completion's path: cached like prompt resolution (virtual key writes bump the
  // same generation), which also saves a decryption per call.
  return cached(`virtual-key:${idOrSlug}`, () => loadCredentials(idOrSlug));
}

async function loadCredentials(idOrSlug: string): Promise<VirtualKeyCredentials | null> {
  const key = await findVirtualKey(idOrSlug);
  if (!key) return null;
  return {
    id: key.id,
    slug: key.slug,
    provider: key.provider,
    credentials: { apiKey: decryptSecret(key.encryptedSecret), customHost: key.customHost, options: { ...optionsOf(key) } },
  };
}
