import { ensureBootstrapApiKey } from "@/lib/auth/api-keys";
import { ensureDefaultCollection } from "@/lib/collections/collections";
import { masterKey } from "@/lib/crypto/master-key";
import { ensureSystemLabels } from "@/lib/labels/labels";

/**
 * Idempotent start-up work: the master key exists, the default labels and folder are
 * seeded, and there is an API key. Safe on every start and on an existing database.
 */
export async function runStartupTasks(log: (line: string) => void = console.log): Promise<void> {
  masterKey();
  await ensureSystemLabels();
  await ensureDefaultCollection();
  await ensureBootstrapApiKey(log);
}
