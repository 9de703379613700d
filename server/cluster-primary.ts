/**
 * The primary process of a server with PROMPTLY_WORKERS above 1 (scripts/server.mjs): it
 * serves nothing itself, it forks the workers (each one runs scripts/server.mjs: Next and the
 * fast routes), and node:cluster hands them the port's connections in turn. Bundled by
 * scripts/build-server.mjs beside the fast routes; it loads neither Next nor Prisma.
 * - Start: the lead worker first (it seeds the database and runs the background jobs, see
 *   lib/core/cluster/role.ts), the others once it listens. A worker that fails before it
 *   ever listened at start stops the server with its exit code (a bad setting, a database
 *   that can't be reached): the same as a single process.
 * - A worker that dies later is replaced (the lead by a new lead); the others go on serving.
 * - The rate limits of SQLite live here, in memory, and the workers count against them over
 *   IPC (rate-limiter-flexible's cluster limiter, lib/routes/rate-limit.ts).
 * - Broadcasts between workers go through here (lib/core/cluster/relay.ts).
 * - SIGUSR2 (the benchmark's stats windows) is passed to every worker.
 * - SIGTERM / SIGINT: passed to every worker, which stops gracefully (in-flight requests
 *   finish, queued log rows are written); the primary exits 143 / 130 once they all exited.
 */
import cluster, { type Worker } from "node:cluster";
import { RateLimiterClusterMaster } from "rate-limiter-flexible";
import { BroadcastRelay, type RelayWorker } from "@/lib/core/cluster/relay";
import { WORKER_ROLE_ENV, workerCount, type WorkerRole } from "@/lib/core/cluster/role";

export { workerCount };

/** A replacement for a worker that died this soon after it was forked waits a moment first: no tight crash loop. */
const SHORT_LIFE_MS = 5_000;
const RESTART_PAUSE_MS = 1_000;

export function superviseWorkers(count: number, workerScript: string, log: (line: string) => void = console.log): void {
  cluster.setupPrimary({ exec: workerScript });
  new RateLimiterClusterMaster();
  const serving = new Map<number, RelayWorker>();
  const relay = new BroadcastRelay(() => serving.values());
  let allStarted = false;
  let stopping: number | null = null;

  const fork = (role: Exclude<WorkerRole, "single">): Worker => {
    const forkedAt = Date.now();
    const worker = cluster.fork({ [WORKER_ROLE_ENV]: role });
    let listened = false;
    const relayWorker: RelayWorker = {
      id: worker.id,
      // With a callback: a worker whose channel just closed must not end the primary with an 'error'.
      send: (message) => worker.isConnected() && worker.send(message, undefined, undefined, () => undefined),
    };
    worker.on("error", () => undefined);
    worker.on("message", (message: unknown) => relay.onMessage(relayWorker, message));
    worker.once("listening", () => {
      listened = true;
      serving.set(worker.id, relayWorker);
      if (!allStarted && role === "lead") {
        for (let i = 1; i < count; i++) fork("follower");
      }
      if (!allStarted && serving.size === count) allStarted = true;
    });
    worker.once("exit", (code, signal) => {
      serving.delete(worker.id);
      relay.workerGone(worker.id);
      if (stopping !== null) {
        if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(stopping);
        return;
      }
      if (!allStarted && !listened) {
        console.error(`[promptly] a worker could not start (exit ${code ?? signal}): stopping`);
        return stopAll("SIGTERM", code || 1);
      }
      log(`[promptly] worker ${worker.process.pid} (${role}) exited (${signal ?? code}): starting another`);
      const pause = Date.now() - forkedAt < SHORT_LIFE_MS ? RESTART_PAUSE_MS : 0;
      setTimeout(() => stopping === null && fork(role), pause);
    });
    return worker;
  };

  const stopAll = (signal: NodeJS.Signals, code: number) => {
    if (stopping !== null) return;
    stopping = code;
    const workers = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => Boolean(worker));
    if (workers.length === 0) process.exit(code);
    for (const worker of workers) {
      try {
        worker.process.kill(signal);
      } catch {
        // exiting already
      }
    }
  };
  // The stats window (PROMPTLY_STATS_FILE, lib/core/process-stats.ts) is each worker's: node's
  // default for SIGUSR2 would end the primary, and with it the server.
  process.on("SIGUSR2", () => {
    for (const worker of Object.values(cluster.workers ?? {})) {
      try {
        worker?.process.kill("SIGUSR2");
      } catch {
        // exiting already
      }
    }
  });
  process.on("SIGTERM", () => stopAll("SIGTERM", 143));
  process.on("SIGINT", () => stopAll("SIGINT", 130));

  log(`[promptly] starting ${count} workers`);
  fork("lead");
}
