import { randomUUID } from "node:crypto";
import type { RequestHeaders } from "@/lib/core/http/api-request";

/** Names the caller for a canary split: the same key always gets the same arm. */
export const SPLIT_KEY_HEADER = "x-promptly-split-key";
const METADATA_HEADER = "x-portkey-metadata";

/**
 * The caller's split key: `x-promptly-split-key`, else the `_user` of `x-portkey-metadata`
 * (what Portkey's SDK sends for a user, so callers of `@production` change nothing), else the
 * request's trace id. Read only when the addressed label has a split.
 */
export function splitKeyOf(headers: Pick<RequestHeaders, "get">, traceId?: string): string {
  const explicit = headers.get(SPLIT_KEY_HEADER);
  if (explicit) return `key:${explicit}`;
  const metadata = headers.get(METADATA_HEADER);
  if (metadata) {
    try {
      const user = (JSON.parse(metadata) as { _user?: unknown } | null)?._user;
      if (typeof user === "string" && user) return `user:${user}`;
    } catch {
      // A malformed header is refused with its own 400 when the log row is built.
    }
  }
  return `trace:${traceId || headers.get("x-portkey-trace-id") || randomUUID()}`;
}
