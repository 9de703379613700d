import { createHmac, timingSafeEqual } from "node:crypto";
import { derivedKey } from "@/lib/core/crypto/master-key";

/**
 * Portkey's export download answers a signed URL to fetch without credentials; Promptly's
 * points at itself (/v1/logs/exports/:id/file), signed with a key derived from the master
 * key, valid for PROMPTLY_EXPORT_URL_TTL_SECONDS (default an hour): whoever holds the link
 * may download that one export until it expires, as with Portkey's.
 */
const DEFAULT_TTL_SECONDS = 3600;

export function exportUrlTtlSeconds(env: Record<string, string | undefined> = process.env): number {
  const value = Number(env.PROMPTLY_EXPORT_URL_TTL_SECONDS);
  return Number.isSafeInteger(value) && value > 0 ? value : DEFAULT_TTL_SECONDS;
}

function signature(id: string, expires: number): string {
  return createHmac("sha256", derivedKey("log-export-url")).update(`${id}.${expires}`).digest("base64url");
}

/** The path and query of a signed download link for export `id`. */
export function signedExportPath(id: string, now = Date.now()): string {
  const expires = Math.floor(now / 1000) + exportUrlTtlSeconds();
  return `/v1/logs/exports/${encodeURIComponent(id)}/file?expires=${expires}&signature=${signature(id, expires)}`;
}

/** Whether a link's expiry and signature hold for export `id`. */
export function validExportSignature(id: string, expires: string | null, given: string | null, now = Date.now()): boolean {
  const at = Number(expires);
  if (!given || !Number.isSafeInteger(at) || at * 1000 < now) return false;
  const expected = Buffer.from(signature(id, at));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
