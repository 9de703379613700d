import { randomUUID } from "node:crypto";
import pg from "pg";
import { FileSignals, sqliteFileOf } from "@/lib/core/cache/signal-file";
import { broadcast, onBroadcast } from "@/lib/core/cluster/broadcast";
import { CACHE_TOPICS, isCacheTopic, type CacheTopic, type InvalidationBus } from "@/lib/core/cache/topics";
import { sqliteUrl } from "@/lib/core/db/adapter";
import { databaseDialect } from "@/lib/core/db/dialect";
import { pgPoolConfig } from "@/lib/core/db/pg-adapter";
import { runtimeSlot } from "@/lib/core/runtime";

export type { CacheTopic };
export const CACHE_CHANNEL = "promptly_cache";
/** Where instances acknowledge a message they acted on (its nonce as payload). */
export const CACHE_ACK_CHANNEL = "promptly_cache_ack";
const APPLICATION_NAME = "promptly-cache-bus";
const RECONNECT_MS = 1_000;
/** How long a publish waits for the other instances to acknowledge, at most. */
const ACK_WAIT_MS = 1_000;

/**
 * Cache invalidation across the instances sharing one PostgreSQL: PostgreSQL's LISTEN /
 * NOTIFY, on one dedicated connection per process (a pooled connection can't LISTEN: the
 * pool hands it to queries and closes it when idle). One channel and one connection carry
 * every cache's messages; the payload says which cache ("<instance id> <topic>").
 *
 * - publish(topic) tells every other instance "a write committed, drop that cache". It
 *   resolves once the NOTIFY is committed and every other listening instance acknowledged
 *   it (or after ACK_WAIT_MS): writers wait for it (publishWrite) before they answer, so the
 *   others have dropped their caches before the client can send its next request. A commit
 *   alone was not enough: PostgreSQL hands a notification to a listener when that backend
 *   gets to it, and under load the client's next request could reach another instance first.
 * - Each instance hears the others (its own messages carry its id and are ignored) and
 *   calls onRemoteWrite with the topic.
 * - While the connection is down (start, database restart), `listening` is false and the
 *   caches must not be trusted; on (re)connect, onRemoteWrite runs once per topic, as writes
 *   may have been missed, and publishes that could not go out are sent then.
 */
export class CacheBus implements InvalidationBus {
  readonly instanceId = randomUUID();
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private retry: NodeJS.Timeout | null = null;
  private readonly pending = new Set<CacheTopic>();
  private readonly inFlight = new Set<Promise<void>>();
  /** Messages of ours waiting for acknowledgements, by nonce. */
  private readonly awaiting = new Map<string, { acks: number; others: number | null; done: () => void }>();
  private stopped = false;
  listening = false;

  constructor(
    private readonly url: string,
    private readonly onRemoteWrite: (topic: CacheTopic) => void,
  ) {}

  /** Connects and listens, once; safe to call on every cache read. */
  start(): Promise<void> {
    if (this.listening || this.stopped || this.retry) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  /**
   * Resolves once the message is committed (other instances are being told), or once a
   * connection attempt failed (it is then sent after the reconnect); never rejects.
   */
  publish(topic: CacheTopic): Promise<void> {
    const client = this.client;
    if (!client || !this.listening) {
      this.pending.add(topic);
      return this.start().then(() => this.flush());
    }
    const nonce = randomUUID();
    // Registered before the NOTIFY: acknowledgements can arrive in the same read as its result.
    const acknowledged = this.awaitAcks(nonce);
    const sent: Promise<void> = client
      .query<{ listeners: number }>(
        "SELECT pg_notify($1, $2), (SELECT count(*)::int FROM pg_stat_activity WHERE application_name = $3 AND datname = current_database()) AS listeners",
        [CACHE_CHANNEL, `${this.instanceId} ${topic} ${nonce}`, APPLICATION_NAME],
      )
      .then(
        // Every listening session but this one is another instance that will acknowledge.
        (result) => this.expectAcks(nonce, (result.rows[0]?.listeners ?? 1) - 1),
        (error: Error) => {
          this.expectAcks(nonce, 0);
          this.pending.add(topic); // resent after the reconnect that follows a lost connection
          console.error("[promptly] cache invalidation could not be sent:", error.message);
        },
      )
      .then(() => acknowledged)
      .finally(() => this.inFlight.delete(sent));
    this.inFlight.add(sent);
    return sent;
  }

  /** Resolves once what was published so far went out (or one connection attempt failed). */
  async flush(): Promise<void> {
    await this.connecting?.catch(() => {});
    await Promise.all(this.inFlight);
  }

  /** Resolves once `others` acknowledgements of `nonce` arrived (others is set later), or after ACK_WAIT_MS. */
  private awaitAcks(nonce: string): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => finish(), ACK_WAIT_MS);
      timer.unref?.();
      const finish = () => {
        clearTimeout(timer);
        this.awaiting.delete(nonce);
        resolve();
      };
      this.awaiting.set(nonce, { acks: 0, others: null, done: finish });
    });
  }

  private expectAcks(nonce: string, others: number): void {
    const waiting = this.awaiting.get(nonce);
    if (!waiting) return;
    waiting.others = others;
    if (waiting.acks >= others) waiting.done();
  }

  private acknowledged(nonce: string): void {
    const waiting = this.awaiting.get(nonce);
    if (!waiting) return;
    waiting.acks += 1;
    if (waiting.others !== null && waiting.acks >= waiting.others) waiting.done();
  }

  /** A message's topics: none when it is our own, every one when it names none (an older instance's). */
  private topicsOf(payload: string): readonly CacheTopic[] {
    const [sender, topic] = payload.split(" ", 2);
    if (sender === this.instanceId) return [];
    return isCacheTopic(topic ?? "") ? [topic as CacheTopic] : CACHE_TOPICS;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.listening = false;
    if (this.retry) clearTimeout(this.retry);
    await this.connecting?.catch(() => {});
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }

  private async connect(): Promise<void> {
    // The pool's own settings (size, idle timeout, schema) don't apply to one client.
    const { host, port, user, password, database, ssl, connectionTimeoutMillis } = pgPoolConfig(this.url);
    const client = new pg.Client({ host, port, user, password, database, ssl, connectionTimeoutMillis, keepAlive: true, application_name: APPLICATION_NAME });
    client.on("notification", (message) => {
      const payload = message.payload ?? "";
      if (message.channel === CACHE_ACK_CHANNEL) return this.acknowledged(payload);
      if (message.channel !== CACHE_CHANNEL) return;
      const topics = this.topicsOf(payload);
      for (const topic of topics) this.onRemoteWrite(topic);
      // Acted on: the writer may answer its client now. Our own messages carry no topic here.
      const nonce = payload.split(" ")[2];
      if (topics.length > 0 && nonce) client.query("SELECT pg_notify($1, $2)", [CACHE_ACK_CHANNEL, nonce]).catch(() => undefined);
    });
    client.on("error", (error) => this.lost(client, error));
    client.on("end", () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${CACHE_CHANNEL}; LISTEN ${CACHE_ACK_CHANNEL}`);
    } catch (error) {
      client.removeAllListeners("end");
      await client.end().catch(() => {});
      console.error("[promptly] cache invalidation: cannot listen on PostgreSQL:", (error as Error).message);
      return this.scheduleReconnect();
    }
    if (this.stopped) return void (await client.end().catch(() => {}));
    // Never the reason a process stays up (scripts, tests): servers stay up on their own.
    (client as unknown as { connection?: { stream?: { unref?: () => void } } }).connection?.stream?.unref?.();
    this.client = client;
    this.listening = true;
    for (const topic of CACHE_TOPICS) this.onRemoteWrite(topic);
    const pending = [...this.pending];
    this.pending.clear();
    for (const topic of pending) this.publish(topic);
  }

  private lost(client: pg.Client, error?: Error): void {
    if (this.client !== client) return;
    this.client = null;
    this.listening = false;
    if (error) console.error("[promptly] cache invalidation connection lost:", error.message);
    client.end().catch(() => {});
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.start();
    }, RECONNECT_MS);
    this.retry.unref?.();
  }
}

// ---------------------------------------------------------------- the process's one bus

interface BusState {
  /** Undefined until first needed: PostgreSQL's NOTIFY, or SQLite's signal files. */
  bus?: InvalidationBus;
  handlers: Map<CacheTopic, () => void>;
}
// A runtime slot: the custom server's fast routes bundle their own copy of lib/ beside Next's,
// and one process must hold one listening connection whichever copy asks first.
const busState = runtimeSlot<BusState>("cache-bus", () => ({ handlers: new Map() }));

/**
 * What to do when another instance wrote `topic` (or may have: on every (re)connect). One
 * handler per topic: each bundled copy of a cache module registers its own, and they all
 * act on the same global state, so the last one registered is as good as the first.
 */
export function onRemoteWrite(topic: CacheTopic, handler: () => void): void {
  busState.handlers.set(topic, handler);
}

// The other workers of this server (PROMPTLY_WORKERS) drop a cache before the writer answers.
onBroadcast("cache", (topic) => {
  if (isCacheTopic(topic)) busState.handlers.get(topic)?.();
});

// Created on first use, never at import: `next build` imports the caches.
function processBus(): InvalidationBus {
  if (!busState.bus) {
    const url = process.env.DATABASE_URL;
    const heard = (topic: CacheTopic) => busState.handlers.get(topic)?.();
    busState.bus = databaseDialect(url) === "postgres" ? new CacheBus(url as string, heard) : new FileSignals(sqliteFileOf(sqliteUrl(url)), heard);
  }
  return busState.bus;
}

const PUBLISH_WAIT_MS = 2_000;

/**
 * Tells the other instances (on SQLite, the other processes using the same database file)
 * that a committed write invalidated `topic`. Resolves once the message is out, or after
 * PUBLISH_WAIT_MS; never rejects. A writer that must be seen by the client's very next
 * request, wherever it lands (a revoked key), awaits it before answering: the NOTIFY then
 * reached PostgreSQL before the answer reached the client. Prompt and key writes both wait.
 */
export function publishWrite(topic: CacheTopic): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, PUBLISH_WAIT_MS);
    timer.unref?.();
  });
  const sent = Promise.all([processBus().publish(topic), workersHeard(topic)]).then(() => undefined);
  return Promise.race([sent, waited]).finally(() => clearTimeout(timer));
}

/**
 * SQLite's signal files reach the other workers of this server when their file watch fires,
 * which may be after the client's next request: the primary relays the write to them, and
 * this waits for their acknowledgements. On PostgreSQL each worker is an instance of its own
 * on the bus, acknowledging like the others.
 */
function workersHeard(topic: CacheTopic): Promise<void> {
  return databaseDialect(process.env.DATABASE_URL) === "sqlite" ? broadcast("cache", topic) : Promise.resolve();
}

/** False while other instances' writes could go unheard (PostgreSQL, bus not listening): read through then. */
export function remoteWritesHeard(): boolean {
  const bus = processBus();
  void bus.start();
  return bus.listening;
}

/** Lets a one-shot process (a CLI) exit: closes the listening connection or the file watch. */
export async function closeCacheBus(): Promise<void> {
  await busState.bus?.stop();
}
