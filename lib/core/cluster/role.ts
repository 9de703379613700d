import cluster from "node:cluster";
import os from "node:os";

/**
 * The server's processes (scripts/server.mjs, server/cluster-primary.ts): with
 * PROMPTLY_WORKERS above 1 a primary forks that many workers, which share the port. The first
 * one it starts is the lead: it seeds the database before the others start and is the only
 * one running the background jobs (experiment resumption, webhook delivery, log retention,
 * the analytics backfill); when it dies its replacement is the lead. A single process is both.
 */
export type WorkerRole = "single" | "lead" | "follower";

/** The environment variable the primary sets in each worker it forks. */
export const WORKER_ROLE_ENV = "PROMPTLY_WORKER_ROLE";

/** PROMPTLY_WORKERS: how many server processes; default one per available core, at least 1. */
export function workerCount(value = process.env.PROMPTLY_WORKERS, cores = os.availableParallelism()): number {
  if (value === undefined || value.trim() === "") return Math.max(1, cores);
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1) throw new Error(`PROMPTLY_WORKERS must be a whole number from 1 up (got '${value}')`);
  return count;
}

export function workerRole(value = process.env[WORKER_ROLE_ENV]): WorkerRole {
  return value === "lead" || value === "follower" ? value : "single";
}

/** Whether this process runs the background jobs: one process across the workers. */
export function runsBackgroundJobs(role = workerRole()): boolean {
  return role !== "follower";
}

/** How the server log names this worker: node:cluster's id (the x-promptly-worker header) and its pid. */
export function workerName(): string {
  return `worker ${cluster.worker?.id ?? 0} (pid ${process.pid})`;
}
