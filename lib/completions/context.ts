import type { Caller } from "@/lib/auth/caller";
import type { RequestHeaders } from "@/lib/core/http/api-request";

/** Who calls the engine, and on which request. Its own module: the engine and its log rows both need it. */
export interface CompletionContext {
  traceId: string;
  caller: Caller | null;
  headers: RequestHeaders;
  /** Aborted when the client disconnects. */
  signal: AbortSignal;
}
