import { backfillRollups, ensureState as ensureBackfillState } from "@/lib/analytics/backfill";
import { ensureBootstrapApiKey } from "@/lib/auth/api-keys";
import { ensureDefaultCollection } from "@/lib/collections/collections";
import { joinCluster } from "@/lib/core/cluster/broadcast";
import { runsBackgroundJobs, workerName, workerRole } from "@/lib/core/cluster/role";
import { masterKey } from "@/lib/core/crypto/master-key";
import { startProcessStats } from "@/lib/core/process-stats";
import { resumeExperiments } from "@/lib/experiments/runner";
import { ensureSystemLabels } from "@/lib/labels/labels";
import { startLogRetention } from "@/lib/logs/retention";
import { installShutdownHooks } from "@/lib/lifecycle/shutdown";
import { upgradeLegacySecrets } from "@/lib/virtual-keys/secret";
import { startWebhookDelivery } from "@/lib/webhooks/runner";

/**
 * Idempotent start-up work: the master key exists, the default labels and folder are
 * seeded, there is an API key, and stored secrets are in the current format. Safe on
 * every start and on an existing database. Unfinished experiments resume.
 * With several workers (lib/core/cluster/role.ts) the lead does all of it before the others
 * start, and is the one running the background jobs; the others only listen to the primary.
 */
export async function runStartupTasks(log: (line: string) => void = console.log): Promise<void> {
  masterKey();
  // PROMPTLY_STATS_FILE: event-loop delay, GC and memory for the benchmark (lib/core/process-stats.ts).
  startProcessStats();
  joinCluster();
  if (runsBackgroundJobs()) await seedAndStartJobs(log);
  // Only inside a Next server, whose own signal handling ends in the process.exit the hooks
  // wait on; elsewhere (unit tests, scripts) a signal listener would just block the default exit.
  if (process.env.NEXT_RUNTIME === "nodejs") installShutdownHooks();
}

async function seedAndStartJobs(log: (line: string) => void): Promise<void> {
  if (workerRole() === "lead") log(`[promptly] ${workerName()} seeds the database and runs the background jobs`);
  await ensureSystemLabels();
  await ensureDefaultCollection();
  await ensureBootstrapApiKey(log);
  await upgradeLegacySecrets(log);
  // Experiments left queued or running by the last process continue (lib/experiments/runner.ts).
  const resumed = await resumeExperiments();
  if (resumed > 0) log(`[promptly] resuming ${resumed} unfinished experiment(s)`);
  // Old logs are deleted in the background (PROMPTLY_LOG_RETENTION_DAYS or the Settings value).
  startLogRetention(log);
  // Webhook deliveries left in the outbox (by this or another instance) are sent from here on.
  startWebhookDelivery();
  // Logs from before the analytics rollups existed are rolled up once, in the background.
  await ensureBackfillState();
  void backfillRollups()
    .then((count) => count > 0 && log(`[promptly] rolled up ${count} earlier log(s) for analytics`))
    .catch((error: Error) => console.error("[promptly] analytics backfill stopped; it resumes at the next start:", error.message));
}
