import { AsyncLocalStorage } from "node:async_hooks";
import { runtimeSlot } from "./runtime";

/**
 * Who the current request acts for, and from which address, carried through the request's
 * async work (lib/routes/handler.ts sets it around every authenticated handler but
 * the completion-level ones, which write no audit rows). The audit
 * log (lib/audit/record.ts) reads it, so that a write path records who did it with one call,
 * without every feature function taking the caller and the client address as arguments.
 * In a runtime slot: the fast path's copy of lib/ and Next's must share one store.
 */
export type RequestActor =
  | { kind: "session"; userId: string; email: string; ip?: string | null }
  | { kind: "api_key"; apiKeyId: string; userId: string | null; ip?: string | null };

const storage = runtimeSlot("request-actor", () => new AsyncLocalStorage<RequestActor>());

export function withRequestActor<T>(actor: RequestActor, run: () => T): T {
  return storage.run(actor, run);
}

/** The current request's actor; null outside a request (start-up, background runners). */
export function requestActor(): RequestActor | null {
  return storage.getStore() ?? null;
}
