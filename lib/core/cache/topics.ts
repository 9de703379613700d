/** What a write invalidated: resolved prompts (lib/prompts/cache.ts), API key lookups (lib/auth/api-keys.ts) or model prices (lib/costs/price-book.ts). */
export type CacheTopic = "prompts" | "api-keys" | "model-prices";
export const CACHE_TOPICS: readonly CacheTopic[] = ["prompts", "api-keys", "model-prices"];

export function isCacheTopic(value: string): value is CacheTopic {
  return (CACHE_TOPICS as readonly string[]).includes(value);
}

/**
 * How one process tells the others sharing its database that a cache is stale: PostgreSQL's
 * LISTEN / NOTIFY (lib/core/cache/bus.ts) or, on SQLite, signal files (lib/core/cache/signal-file.ts).
 */
export interface InvalidationBus {
  /** False while other processes' writes could go unheard: caches are read through then. */
  readonly listening: boolean;
  /** Starts listening, once; safe to call on every cache read. */
  start(): unknown;
  /** Tells the others; resolves once the message is out, never rejects. */
  publish(topic: CacheTopic): Promise<void>;
  stop(): Promise<void>;
}
