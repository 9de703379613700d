/**
 * The runtime slot of the experiment runner, apart from runner.ts so lib/lifecycle/shutdown.ts
 * can stop it without importing it (which would build a second runner in instrumentation's
 * module graph, bound to that graph's database client).
 */
export const EXPERIMENT_RUNNER_SLOT = "experiment-runner";

export interface RunnerHandle {
  /** Claim nothing more and abort calls in flight (their cases go back to pending). */
  stop(): Promise<void>;
}
