/**
 * A small read-through cache for prompt and partial resolution, which runs on the hot path
 * of every completion.
 *
 * Correctness comes from a process-wide generation counter: every write in lib/prompts,
 * lib/partials, lib/labels and lib/virtual-keys calls bumpPromptCacheGeneration() after it
 * commits, which empties the cache, and an entry is only served when it was read at the
 * current generation. A value read while a write was in flight is tagged with the older
 * generation and is never served, so a save is visible on the very next request.
 * Several instances on one PostgreSQL: every bump is also sent to the other instances
 * (LISTEN/NOTIFY, see lib/core/cache/bus.ts), which bump their own generation when they hear it; an
 * instance that is not listening (starting, connection lost) reads through, uncached. The
 * short TTL is the safety net for a message lost in flight. On SQLite the same bumps reach
 * the other processes using the database file (a CLI) through signal files beside it.
 */
import { approximateJsonBytes, BoundedLru, cacheShare } from "@/lib/core/cache/bounded-lru";
import { onRemoteWrite, publishWrite, remoteWritesHeard } from "@/lib/core/cache/bus";
import { deepFreeze } from "@/lib/core/cache/deep-freeze";
import { runtimeSlot } from "@/lib/core/runtime";

const TTL_MS = 2_000;
const MAX_ENTRIES = 5_000;
// Half of PROMPTLY_CACHE_MAX_BYTES: templates are up to PROMPTLY_MAX_TEMPLATE_BYTES each.
const MAX_BYTES = cacheShare(0.5);

interface Entry {
  generation: number;
  at: number;
  value: unknown;
}

interface CacheState {
  generation: number;
  entries: BoundedLru<Entry>;
}

// A runtime slot, so that every copy of this module (dev reloads, separate route bundles)
// shares one counter: a bump from any route must reach the completion route.
const state = runtimeSlot<CacheState>("prompt-cache", () => ({
  generation: 0,
  // Sized once per entry, when it is stored (a miss): a hit serializes nothing.
  entries: new BoundedLru<Entry>({ maxEntries: MAX_ENTRIES, maxBytes: MAX_BYTES, sizeOf: (entry) => approximateJsonBytes(entry.value) }),
}));

function bumpLocalGeneration(): void {
  state.generation += 1;
  state.entries.clear();
}

onRemoteWrite("prompts", bumpLocalGeneration);

/**
 * Called after every committed write that can change what a prompt or partial resolves to;
 * writers await it before answering. On PostgreSQL it resolves once the NOTIFY is committed
 * (at most 2 s): a publish answered through instance A is then served by instance B on the
 * client's very next request. Sent without waiting, the message lost that race now and then.
 */
export function bumpPromptCacheGeneration(): Promise<void> {
  bumpLocalGeneration();
  return publishWrite("prompts");
}

export function promptCacheGeneration(): number {
  return state.generation;
}

/**
 * Returns the cached value for `key`, or loads it. Null results (not found) are not cached:
 * a prompt created a moment later must resolve at once, and junk refs must not fill memory.
 * Results are deeply frozen and shared, hit or miss, uncached or not: a caller that needs to
 * change one copies what it changes. A copy per hit (structuredClone) cost more CPU on the
 * completion path than any other single function of ours (`npm run bench -- --profile`).
 */
export async function cached<T>(key: string, load: () => Promise<T | null>): Promise<T | null> {
  if (!remoteWritesHeard()) return deepFreeze(await load());
  const hit = state.entries.get(key);
  if (hit && hit.generation === state.generation && Date.now() - hit.at < TTL_MS) return hit.value as T;
  const generation = state.generation;
  const value = deepFreeze(await load());
  if (value !== null && generation === state.generation) state.entries.set(key, { generation, at: Date.now(), value });
  return value;
}

/** The estimated bytes the cache holds (for tests). */
export function promptCacheBytes(): number {
  return state.entries.bytes;
}
