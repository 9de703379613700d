/**
 * The runtime slot of the log retention timer, apart from retention.ts so that
 * lib/lifecycle/shutdown.ts can stop it without importing it (which would build a second
 * one in instrumentation's module graph, bound to that graph's database client).
 */
export const LOG_RETENTION_SLOT = "log-retention";

export interface RetentionHandle {
  /** No further runs; a run in progress stops after its current batch. */
  stop(): void;
}
