import type { MockExchange } from "./types";

/**
 * The error a behaviour asks for, in any provider's routes: its own body (text or JSON) when
 * it gives one, else the provider's error shape from `defaultBody`; retry-after when set.
 */
export function sendBehaviorError(ex: MockExchange, status: number, defaultBody: (status: number, message?: string) => unknown, headers: Record<string, string> = {}): void {
  const { behavior } = ex;
  const all = behavior.retryAfter !== undefined ? { ...headers, "retry-after": behavior.retryAfter } : headers;
  if (typeof behavior.errorBody === "string") return ex.text(status, behavior.errorBody, all);
  if (behavior.errorBody) return ex.json(status, behavior.errorBody, all);
  ex.json(status, defaultBody(status, behavior.errorMessage), all);
}
