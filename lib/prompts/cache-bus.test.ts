import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { CACHE_CHANNEL, CacheBus } from "./cache-bus";

// Needs a PostgreSQL (TEST_DATABASE_URL): two buses stand for two instances.
const url = process.env.TEST_DATABASE_URL;
const buses: CacheBus[] = [];

function instance(): { bus: CacheBus; heard: () => number } {
  let count = 0;
  const bus = new CacheBus(url as string, () => (count += 1));
  buses.push(bus);
  return { bus, heard: () => count };
}

async function until(condition: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

afterEach(async () => {
  await Promise.all(buses.splice(0).map((bus) => bus.stop()));
});

describe.skipIf(!url)("cache invalidation across instances (LISTEN/NOTIFY)", { timeout: 30_000 }, () => {
  it("delivers a write on one instance to the others, not back to itself", async () => {
    const a = instance();
    const b = instance();
    await Promise.all([a.bus.start(), b.bus.start()]);
    expect(a.bus.listening && b.bus.listening).toBe(true);
    // Connecting counts as a write heard: anything could have changed before.
    expect([a.heard(), b.heard()]).toEqual([1, 1]);

    for (let i = 1; i <= 3; i++) {
      a.bus.publish();
      await until(() => b.heard() === 1 + i);
    }
    b.bus.publish();
    await until(() => a.heard() === 2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect([a.heard(), b.heard()]).toEqual([2, 4]);
  });

  it("sends a write made before it was listening once it is", async () => {
    const a = instance();
    const b = instance();
    await b.bus.start();
    a.bus.publish(); // not started yet: connects, then sends
    await until(() => b.heard() === 2);
  });

  it("reconnects after losing its connection, and counts that as a write heard", async () => {
    const a = instance();
    await a.bus.start();
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'promptly-cache-bus' AND datname = current_database() AND pid <> pg_backend_pid() AND query LIKE $1", [`%${CACHE_CHANNEL}%`]);
    await admin.end();
    await until(() => !a.bus.listening, 5_000).catch(() => {});
    await until(() => a.bus.listening && a.heard() >= 2, 10_000);
  });
});

describe.skipIf(!url)("the prompt cache on PostgreSQL", { timeout: 30_000 }, () => {
  it("serves from memory until another instance writes, and tells the others of its writes", async () => {
    const previous = process.env.DATABASE_URL;
    process.env.DATABASE_URL = url; // read by cache.ts on first use
    try {
      const cache = await import("./cache");
      let loads = 0;
      const load = async () => ({ load: ++loads });
      // Until its bus listens, an instance reads through; then the second read is a hit.
      const deadline = Date.now() + 10_000;
      for (let before = -1; loads - before !== 1; ) {
        if (Date.now() > deadline) throw new Error("the cache never started serving from memory");
        before = loads;
        await cache.cached("k", load);
        await cache.cached("k", load);
      }
      expect(await cache.cached("k", load)).toEqual({ load: loads });

      const other = instance(); // another instance on the same database
      await other.bus.start();
      const generation = cache.promptCacheGeneration();
      other.bus.publish();
      await until(() => cache.promptCacheGeneration() > generation);
      const reads = loads;
      expect(await cache.cached("k", load)).toEqual({ load: reads + 1 });

      const heard = other.heard();
      cache.bumpPromptCacheGeneration();
      await until(() => other.heard() === heard + 1);
    } finally {
      process.env.DATABASE_URL = previous;
    }
  });
});
