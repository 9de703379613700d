import type { Caller } from "@/lib/auth/caller";
import type { RequestHeaders } from "@/lib/core/http/api-request";
import type { PreparedCall } from "./prepare";

/** Who calls the engine, and on which request. Its own module: the engine and its log rows both need it. */
export interface CompletionContext {
  traceId: string;
  caller: Caller | null;
  headers: RequestHeaders;
  /** Aborted when the client disconnects. */
  signal: AbortSignal;
  /** Set when an experiment's case or judge makes the call: its log rows carry the id. */
  experimentId?: string;
  /** Told what was rendered before the provider is called (an experiment records it per case). */
  onPrepared?: (prepared: PreparedCall) => void;
  /** Told the provider and model of each attempt (a fallback may change them): an experiment prices its case. */
  onCalling?: (call: { provider: string; model: string }) => void;
}
