import { ensureBootstrapApiKey } from "@/lib/auth/api-keys";
import { masterKey } from "@/lib/crypto/master-key";

/**
 * Idempotent start-up work: the master key exists, the defaults are seeded, and there is
 * an API key. Safe to run on every start and on an existing database.
 */
export async function runStartupTasks(): Promise<void> {
  masterKey();
  await ensureBootstrapApiKey();
}
