import { clearLogs } from "@prisma/debug";
import { Debug } from "@prisma/client/runtime/client";

/**
 * Prisma keeps the arguments of its last 100 debug calls for error reports, whether debugging
 * is on or not, in two copies of its debug module: `@prisma/debug` (which the driver adapters
 * hand every query with its values) and the one bundled in the client runtime (which gets
 * every query plan, values included). After a burst of large writes (log batches, dataset
 * imports) both held dozens of large payloads alive, enough to run a 160 MB heap out.
 *
 * Nothing here reads those histories. The first copy can be emptied; the bundled one exports
 * no way to do so, so it is filled with tiny entries that push everything else out.
 */
const HISTORY_LENGTH = 100;
const EVICTOR = "promptly:debug-history";
const evict = Debug(EVICTOR);

export function releaseDebugHistory(): void {
  clearLogs();
  // With DEBUG naming this namespace every entry would be printed: someone debugging wants
  // the history anyway.
  if (Debug.enabled(EVICTOR)) return;
  for (let i = 0; i < HISTORY_LENGTH; i++) evict(".");
}
