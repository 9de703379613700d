import fs from "node:fs";
import path from "node:path";
import { isCacheTopic, type CacheTopic, type InvalidationBus } from "@/lib/core/cache/topics";

/**
 * SQLite's counterpart of the PostgreSQL bus (lib/core/cache/bus.ts), for the one case SQLite has:
 * another process on the same machine, such as `npm run apikey -- revoke`, changing what a
 * running server caches. Each topic has a signal file beside the database file. A write
 * rewrites it, and every process watching the folder (fs.watch: inotify, FSEvents) drops
 * that cache when it changes. Own writes come back too: a second drop, harmless. A missed
 * event is covered by the caches' short TTL, as before.
 */
export class FileSignals implements InvalidationBus {
  /** Always: a folder that can't be watched leaves the caches' TTL as the net, as before. */
  readonly listening = true;
  private watcher: fs.FSWatcher | null = null;
  private started = false;
  private readonly prefix: string;
  private readonly dir: string;

  constructor(
    databaseFile: string,
    private readonly onSignal: (topic: CacheTopic) => void,
  ) {
    this.dir = path.dirname(path.resolve(databaseFile));
    this.prefix = `${path.basename(databaseFile)}.`;
  }

  fileOf(topic: CacheTopic): string {
    return path.join(this.dir, `${this.prefix}${topic}.signal`);
  }

  /** Watches, once; safe to call on every cache read. Never keeps a process alive. */
  start(): void {
    // Once: this runs on every cache read, and a folder that can't be watched stays so.
    if (this.started) return;
    this.started = true;
    try {
      this.watcher = fs.watch(this.dir, { persistent: false }, (_event, name) => {
        const topic = this.topicOf(name);
        if (topic) this.onSignal(topic);
      });
      this.watcher.on("error", () => void this.stop());
    } catch {
      // A folder that can't be watched: the TTL is all there is, as before this existed.
    }
  }

  /** Tells the other processes; resolves once the file is written, never rejects. */
  async publish(topic: CacheTopic): Promise<void> {
    await fs.promises.writeFile(this.fileOf(topic), `${process.pid} ${Date.now()}\n`).catch(() => undefined);
  }

  async stop(): Promise<void> {
    this.watcher?.close();
    this.watcher = null;
  }

  private topicOf(name: string | Buffer | null): CacheTopic | null {
    const text = name?.toString();
    if (!text?.startsWith(this.prefix) || !text.endsWith(".signal")) return null;
    const topic = text.slice(this.prefix.length, -".signal".length);
    return isCacheTopic(topic) ? topic : null;
  }
}

/** The database file of a SQLite URL (`file:./promptly.db?x=y` → `./promptly.db`). */
export function sqliteFileOf(url: string): string {
  return url.slice("file:".length).split("?")[0];
}
