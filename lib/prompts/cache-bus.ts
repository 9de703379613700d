import { randomUUID } from "node:crypto";
import pg from "pg";
import { pgPoolConfig } from "@/lib/db-pg-adapter";

export const CACHE_CHANNEL = "promptly_cache";
const RECONNECT_MS = 1_000;

/**
 * Cache invalidation across the instances sharing one PostgreSQL: PostgreSQL's LISTEN /
 * NOTIFY, on one dedicated connection per process (a pooled connection can't LISTEN: the
 * pool hands it to queries and closes it when idle).
 *
 * - publish() tells every other instance "a write committed, drop your cache". It is fire
 *   and forget, so a write never waits on it; the NOTIFY goes out on the already open
 *   connection before the writer's HTTP answer does, so in practice it reaches the other
 *   instances before the client's next request can.
 * - Each instance hears the others (its own messages carry its id and are ignored) and
 *   calls onRemoteWrite, which bumps the local generation.
 * - While the connection is down (start, database restart), `listening` is false and the
 *   cache must not be trusted; on (re)connect, onRemoteWrite runs once, as writes may have
 *   been missed, and a publish that could not go out is sent then.
 */
export class CacheBus {
  readonly instanceId = randomUUID();
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private retry: NodeJS.Timeout | null = null;
  private pendingPublish = false;
  private stopped = false;
  listening = false;

  constructor(
    private readonly url: string,
    private readonly onRemoteWrite: () => void,
  ) {}

  /** Connects and listens, once; safe to call on every cache read. */
  start(): Promise<void> {
    if (this.listening || this.stopped || this.retry) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  publish(): void {
    const client = this.client;
    if (!client || !this.listening) {
      this.pendingPublish = true;
      void this.start();
      return;
    }
    client.query("SELECT pg_notify($1, $2)", [CACHE_CHANNEL, this.instanceId]).catch((error: Error) => {
      this.pendingPublish = true; // resent after the reconnect that follows a lost connection
      console.error("[promptly] cache invalidation could not be sent:", error.message);
    });
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
    const client = new pg.Client({ host, port, user, password, database, ssl, connectionTimeoutMillis, keepAlive: true, application_name: "promptly-cache-bus" });
    client.on("notification", (message) => {
      if (message.channel === CACHE_CHANNEL && message.payload !== this.instanceId) this.onRemoteWrite();
    });
    client.on("error", (error) => this.lost(client, error));
    client.on("end", () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${CACHE_CHANNEL}`);
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
    this.onRemoteWrite();
    if (this.pendingPublish) {
      this.pendingPublish = false;
      this.publish();
    }
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
