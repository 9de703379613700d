import { cached } from "@/lib/prompts/cache";
import { optionsOf } from "./options";
import { openKeySecret } from "./secret";
import { NEEDS_SECRET } from "./status";
import { findVirtualKey } from "./virtual-keys";

export interface VirtualKeyCredentials {
  id: string;
  slug: string;
  provider: string;
  /** The secret was cleared when the key moved to another host: it must not be used until set again. */
  needsSecret: boolean;
  credentials: { apiKey: string; customHost: string | null; options: Record<string, string | undefined> };
}

/**
 * The decrypted credential the completion engine hands to a provider adapter, by virtual
 * key id or slug; null when there is no such key. Throws SecretDecryptError when the
 * stored secret can't be decrypted (a changed master key, or a ciphertext that belongs to
 * another row): that is a server fault.
 */
export async function getVirtualKeyCredentials(idOrSlug: string): Promise<VirtualKeyCredentials | null> {
  // On every completion's path: cached like prompt resolution (virtual key writes bump the
  // same generation), which also saves a decryption per call. One entry holds the secret
  // together with the host it was read with, from one row, so an entry can never pair an
  // old secret with a new host; any write to a key drops every entry.
  return cached(`virtual-key:${idOrSlug}`, () => loadCredentials(idOrSlug));
}

async function loadCredentials(idOrSlug: string): Promise<VirtualKeyCredentials | null> {
  const key = await findVirtualKey(idOrSlug);
  if (!key) return null;
  const needsSecret = key.status === NEEDS_SECRET;
  return {
    id: key.id,
    slug: key.slug,
    provider: key.provider,
    needsSecret,
    credentials: { apiKey: needsSecret ? "" : openKeySecret(key), customHost: key.customHost, options: { ...optionsOf(key) } },
  };
}
