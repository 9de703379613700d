import { CACHE_MAX_BYTES, limitValue } from "@/lib/core/limits/content-limits";

/**
 * A least-recently-used map bounded by entry count and by approximate bytes, for every
 * cache whose keys or values come from user input (prompts, templates, API key lookups).
 * Sizes are estimated once, when an entry is stored: a hit is two Map operations, nothing
 * is serialized on the hot path. An entry larger than the whole budget is not kept.
 */
export interface BoundedLruOptions<V> {
  maxEntries: number;
  /** Read on every store, so that a changed environment applies without a restart. */
  maxBytes: number | (() => number);
  /** Approximate size of one value, in bytes; the key's length is added. */
  sizeOf: (value: V, key: string) => number;
}

interface Slot<V> {
  value: V;
  bytes: number;
}

export class BoundedLru<V> {
  private readonly map = new Map<string, Slot<V>>();
  private heldBytes = 0;

  constructor(private readonly options: BoundedLruOptions<V>) {}

  get(key: string): V | undefined {
    const slot = this.map.get(key);
    if (slot === undefined) return undefined;
    // Re-inserting moves the key to the young end of Map's insertion order.
    this.map.delete(key);
    this.map.set(key, slot);
    return slot.value;
  }

  /** Stores `value`; false when it is too large to cache at all. */
  set(key: string, value: V): boolean {
    const max = this.maxBytes();
    const bytes = key.length + this.options.sizeOf(value, key);
    this.delete(key);
    if (bytes > max) return false;
    this.map.set(key, { value, bytes });
    this.heldBytes += bytes;
    while (this.map.size > this.options.maxEntries || this.heldBytes > max) this.evictOldest();
    return true;
  }

  delete(key: string): void {
    const slot = this.map.get(key);
    if (slot === undefined) return;
    this.map.delete(key);
    this.heldBytes -= slot.bytes;
  }

  clear(): void {
    this.map.clear();
    this.heldBytes = 0;
  }

  get size(): number {
    return this.map.size;
  }

  /** The estimated bytes held: never above the budget once a store returns. */
  get bytes(): number {
    return this.heldBytes;
  }

  private maxBytes(): number {
    const { maxBytes } = this.options;
    return typeof maxBytes === "function" ? maxBytes() : maxBytes;
  }

  private evictOldest(): void {
    const oldest = this.map.keys().next();
    if (oldest.done) return;
    this.delete(oldest.value);
  }
}

/**
 * A share of PROMPTLY_CACHE_MAX_BYTES, the budget all of a process's caches split between
 * them (fixed shares: see where each cache is made).
 */
export const cacheShare = (fraction: number) => () => Math.floor(limitValue(CACHE_MAX_BYTES) * fraction);

/** A JSON value's approximate size in memory: its serialized length, times two for UTF-16 and overhead. */
export function approximateJsonBytes(value: unknown): number {
  try {
    return 2 * (JSON.stringify(value)?.length ?? 0);
  } catch {
    return Number.MAX_SAFE_INTEGER;
  }
}
