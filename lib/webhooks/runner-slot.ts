/**
 * The runtime slot of the webhook delivery runner, apart from runner.ts so that
 * lib/lifecycle/shutdown.ts can stop it without importing it (which would build a second
 * runner in instrumentation's module graph, bound to that graph's database client).
 */
export const WEBHOOK_RUNNER_SLOT = "webhook-runner";

export interface WebhookRunnerHandle {
  /** Claim nothing more; attempts in flight finish and are recorded. */
  stop(): Promise<void>;
}
