import { EXPERIMENT_RUNNER_SLOT, type RunnerHandle } from "@/lib/experiments/runner-slot";
import { LOG_RETENTION_SLOT, type RetentionHandle } from "@/lib/logs/retention-slot";
import { LOG_WRITER_SLOT } from "@/lib/logs/writer-slot";
import { peekRuntimeSlot, runtimeSlot } from "@/lib/core/runtime";
import { WEBHOOK_RUNNER_SLOT, type WebhookRunnerHandle } from "@/lib/webhooks/runner-slot";

// Type only: importing the writer here would create it in instrumentation's module graph,
// bound to that graph's own database client; the routes' writer is found in its runtime slot
// (lib/logs/writer.ts keeps its one instance there) when the signal comes.
type LogWriter = typeof import("@/lib/logs/writer").logWriter;
const currentWriter = () => peekRuntimeSlot<LogWriter>(LOG_WRITER_SLOT);

/** How long the exit may wait for the last log rows: a stuck database must not hang a stop. */
const FLUSH_DEADLINE_MS = 5_000;
/** A moment for answers finishing just as the stop begins to queue their log row. */
const STRAGGLER_GRACE_MS = 50;

// Once per process, also across dev reloads and bundled copies of this module.
const state = runtimeSlot("shutdown-hooks", () => ({ installed: false }));

/**
 * Graceful stop on SIGTERM / SIGINT. Next's `next start` already owns these signals: it stops
 * accepting connections, waits for in-flight requests to finish, then calls `process.exit`.
 * What it can't know about is the log writer's in-memory queue, so on the signal we:
 * 1. switch the writer to write-at-once mode, so rows of requests still finishing are written
 *    as they arrive instead of waiting on a batch timer;
 * 2. wrap `process.exit` (only from this point on) so Next's final exit first awaits the
 *    writer's flush, bounded by FLUSH_DEADLINE_MS, then exits with Next's code.
 * Listening to the signal does not change Next's handling: Node runs every listener, and
 * Next's own listener is what eventually exits.
 */
export function installShutdownHooks(): void {
  if (state.installed) return;
  state.installed = true;
  let stopping = false;
  const onSignal = () => {
    if (stopping) return;
    stopping = true;
    // Experiments claim no more cases; their calls in flight are aborted and re-queued for the next start.
    void peekRuntimeSlot<RunnerHandle>(EXPERIMENT_RUNNER_SLOT)?.stop();
    // Log pruning stops after its current batch.
    peekRuntimeSlot<RetentionHandle>(LOG_RETENTION_SLOT)?.stop();
    // Webhooks claim no more attempts; one in flight that dies with the process is retried after its lease.
    void peekRuntimeSlot<WebhookRunnerHandle>(WEBHOOK_RUNNER_SLOT)?.stop();
    currentWriter()?.startClosing();
    const exit = process.exit.bind(process);
    let exiting = false;
    process.exit = ((code?: number | string | null) => {
      if (exiting) return undefined as never;
      exiting = true;
      void flushLogs().finally(() => exit(code));
      return undefined as never;
    }) as typeof process.exit;
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}

/** Writes every queued log row, waiting at most `deadlineMs` in total. */
export async function flushLogs(deadlineMs = FLUSH_DEADLINE_MS): Promise<void> {
  const writer = currentWriter();
  if (!writer) return; // no completion ran in this process: nothing was ever queued
  const until = Date.now() + deadlineMs;
  await new Promise<void>((resolve) => setTimeout(resolve, STRAGGLER_GRACE_MS));
  const flushed = (async () => {
    // A row may arrive while a flush runs: go round until the queue stays empty.
    do await writer.flush();
    while (writer.pendingCount > 0 && Date.now() < until);
  })();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      console.error(`[promptly] shutdown: gave up on ${writer.pendingCount} queued log row(s) after ${deadlineMs} ms`);
      resolve();
    }, Math.max(0, until - Date.now()));
  });
  await Promise.race([flushed, timedOut]);
  clearTimeout(timer);
}
