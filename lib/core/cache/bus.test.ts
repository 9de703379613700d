import pg from "pg";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { createApiKey, findActiveApiKey, revokeApiKey } from "@/lib/auth/api-keys";
import { db } from "@/lib/core/db";
import { CACHE_CHANNEL, CacheBus, remoteWritesHeard, type CacheTopic } from "./bus";
import { CACHE_TOPICS } from "./topics";
import { deleteModelPrice, priceBook, priceFor } from "@/lib/costs/price-book";
import { bumpPromptCacheGeneration, cached, promptCacheGeneration } from "@/lib/prompts/cache";

// Needs a PostgreSQL (TEST_DATABASE_URL): buses stand for instances. The app's own database
// stays this file's SQLite: only the process's bus is pointed at PostgreSQL (see beforeAll).
const url = process.env.TEST_DATABASE_URL;
const buses: CacheBus[] = [];
// Connecting, or a message naming no topic, counts as a write heard on every topic.
const ALL = [...CACHE_TOPICS];
const N = ALL.length;

function instance(): { bus: CacheBus; heard: CacheTopic[] } {
  const heard: CacheTopic[] = [];
  const bus = new CacheBus(url as string, (topic) => heard.push(topic));
  buses.push(bus);
  return { bus, heard };
}

async function until(condition: () => boolean | Promise<boolean>, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const count = (heard: CacheTopic[], topic: CacheTopic) => heard.filter((t) => t === topic).length;

afterEach(async () => {
  await Promise.all(buses.splice(0).map((bus) => bus.stop()));
});

describe.skipIf(!url)("cache invalidation across instances (LISTEN/NOTIFY)", { timeout: 30_000 }, () => {
  it("delivers a write on one instance to the others with its topic, not back to itself", async () => {
    const a = instance();
    const b = instance();
    await Promise.all([a.bus.start(), b.bus.start()]);
    expect(a.bus.listening && b.bus.listening).toBe(true);
    // Connecting counts as a write heard on every topic: anything could have changed before.
    expect([a.heard, b.heard]).toEqual([ALL, ALL]);

    for (let i = 1; i <= 3; i++) {
      a.bus.publish("prompts");
      await until(() => count(b.heard, "prompts") === 1 + i);
    }
    a.bus.publish("api-keys");
    await until(() => count(b.heard, "api-keys") === 2);
    b.bus.publish("api-keys");
    await until(() => count(a.heard, "api-keys") === 2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(a.heard.slice(N)).toEqual(["api-keys"]);
    expect(b.heard.slice(N)).toEqual(["prompts", "prompts", "prompts", "api-keys"]);
  });

  it("resolves a publish only once the other instances acted on it, not when PostgreSQL committed it", async () => {
    const a = instance();
    const b = instance();
    await Promise.all([a.bus.start(), b.bus.start()]);
    const before = count(b.heard, "api-keys");
    // B's backend has the message, but B has not read it yet (a loaded instance).
    const stream = (b.bus as unknown as { client: { connection: { stream: { pause(): void; resume(): void } } } }).client.connection.stream;
    stream.pause();
    let published = false;
    const publishing = a.bus.publish("api-keys").then(() => (published = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(published).toBe(false);
    expect(count(b.heard, "api-keys")).toBe(before);
    stream.resume();
    await publishing;
    expect(count(b.heard, "api-keys")).toBe(before + 1);
  });

  it("sends writes made before it was listening once it is, and flush() waits for them", async () => {
    const a = instance();
    const b = instance();
    await b.bus.start();
    a.bus.publish("api-keys"); // not started yet: connects, then sends
    a.bus.publish("prompts");
    await a.bus.flush();
    await until(() => b.heard.length === N + 2);
    expect(b.heard.slice(N).sort()).toEqual(["api-keys", "prompts"]);
  });

  it("takes a message naming no topic (an instance of an older version) as a write on every topic", async () => {
    const a = instance();
    await a.bus.start();
    const sender = new pg.Client({ connectionString: url });
    await sender.connect();
    await sender.query("SELECT pg_notify($1, $2)", [CACHE_CHANNEL, "some-older-instance"]);
    await sender.end();
    await until(() => a.heard.length === 2 * N);
    expect(a.heard.slice(N)).toEqual(ALL);
  });

  it("reconnects after losing its connection, and counts that as a write heard", async () => {
    const a = instance();
    await a.bus.start();
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'promptly-cache-bus' AND datname = current_database() AND pid <> pg_backend_pid() AND query LIKE $1", [`%${CACHE_CHANNEL}%`]);
    await admin.end();
    await until(() => !a.bus.listening, 5_000).catch(() => {});
    await until(() => a.bus.listening && count(a.heard, "prompts") >= 2 && count(a.heard, "api-keys") >= 2, 10_000);
  });
});

describe.skipIf(!url)("the process's caches on PostgreSQL", { timeout: 30_000 }, () => {
  beforeAll(async () => {
    // The process's bus is made on first use from DATABASE_URL; lib/core/db's client already exists.
    const previous = process.env.DATABASE_URL;
    process.env.DATABASE_URL = url;
    try {
      await until(() => remoteWritesHeard(), 10_000);
    } finally {
      process.env.DATABASE_URL = previous;
    }
  });

  it("prompts: served from memory until another instance writes them; its own writes reach the others", async () => {
    let loads = 0;
    const load = async () => ({ load: ++loads });
    await cached("k", load);
    expect(await cached("k", load)).toEqual({ load: 1 });

    const other = instance(); // another instance on the same database
    await other.bus.start();
    const generation = promptCacheGeneration();
    other.bus.publish("prompts");
    await until(() => promptCacheGeneration() > generation);
    expect(await cached("k", load)).toEqual({ load: 2 });

    // Another cache's message leaves the prompt cache alone.
    other.bus.publish("api-keys");
    await other.bus.flush();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await cached("k", load)).toEqual({ load: 2 });

    const heard = count(other.heard, "prompts");
    bumpPromptCacheGeneration();
    await until(() => count(other.heard, "prompts") === heard + 1);
  });

  it("API keys: a key revoked on another instance stops working here as soon as its message arrives", async () => {
    const other = instance();
    await other.bus.start();
    const { key, record } = await createApiKey({ name: "bus" });
    expect(await findActiveApiKey(key)).not.toBeNull(); // now cached
    // The other instance revokes it in the shared database: this one still serves its cache...
    await db.apiKey.update({ where: { id: record.id }, data: { revokedAt: new Date() } });
    expect(await findActiveApiKey(key)).not.toBeNull();
    // ...until the other instance's message, well before the cache's 5 s would have run out.
    const sent = Date.now();
    other.bus.publish("api-keys");
    await until(async () => (await findActiveApiKey(key)) === null, 2_000);
    expect(Date.now() - sent).toBeLessThan(2_000);
  });

  it("API keys: a revocation here is sent to the other instances", async () => {
    const other = instance();
    await other.bus.start();
    const { record } = await createApiKey({ name: "bus local" });
    const heard = count(other.heard, "api-keys");
    expect(await revokeApiKey(record.id)).toBe(true);
    await until(() => count(other.heard, "api-keys") === heard + 1);
    expect(count(other.heard, "prompts")).toBe(1); // its connect only
  });

  it("model prices: a price set on another instance prices this one's next log; one set here is sent", async () => {
    const other = instance();
    await other.bus.start();
    expect(priceFor(await priceBook(), "openai", "bus-priced")).toBeNull(); // now cached
    // Written by the other instance straight into the shared database: not seen until its message.
    await db.modelPrice.create({ data: { provider: "openai", model: "bus-priced", inputPerMTok: 1, outputPerMTok: 2 } });
    expect(priceFor(await priceBook(), "openai", "bus-priced")).toBeNull();
    other.bus.publish("model-prices");
    await until(async () => priceFor(await priceBook(), "openai", "bus-priced") !== null, 2_000);

    const heard = count(other.heard, "model-prices");
    await deleteModelPrice({ provider: "openai", model: "bus-priced" });
    await until(() => count(other.heard, "model-prices") === heard + 1);
  });
});
