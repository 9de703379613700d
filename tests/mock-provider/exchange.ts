import type { IncomingMessage, ServerResponse } from "node:http";
import type { MockState } from "./state";
import type { MockBehavior, MockExchange, RecordedRequest } from "./types";

interface PendingSleep {
  timer: NodeJS.Timeout;
  resolve: (completed: boolean) => void;
}

/**
 * One request/response pair. It owns every timer it starts, so that a client disconnect,
 * a cut or the server closing stops the writing and leaves no timer behind.
 */
export class Exchange implements MockExchange {
  behavior: MockBehavior = {};
  private ended = false;
  private readonly sleeps = new Set<PendingSleep>();

  constructor(
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
    readonly url: URL,
    readonly params: Record<string, string>,
    readonly body: unknown,
    readonly record: RecordedRequest,
    private readonly state: MockState,
  ) {
    // `res` emits "close" both after a normal finish and when the socket dies first;
    // only the latter, and only if we did not end it ourselves, is a client disconnect.
    res.on("close", () => {
      if (!res.writableFinished && !this.ended) {
        record.closedEarly = true;
        record.closedAt = Date.now();
      }
      this.stop();
      state.changed();
    });
    // The client may have left while its body was still being read, before we listened.
    if (!res.socket || res.socket.destroyed) {
      record.closedEarly = true;
      record.closedAt = Date.now();
      this.ended = true;
    }
    res.on("finish", () => {
      record.finishedAt = Date.now();
      state.changed();
    });
  }

  get closed(): boolean {
    return this.ended || this.res.destroyed;
  }

  sleep(ms: number): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    if (ms <= 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const pending: PendingSleep = {
        resolve,
        timer: setTimeout(() => {
          this.sleeps.delete(pending);
          resolve(!this.closed);
        }, ms),
      };
      this.sleeps.add(pending);
    });
  }

  json(status: number, body: unknown, headers: Record<string, string> = {}): void {
    this.text(status, JSON.stringify(body), { "content-type": "application/json", ...headers });
  }

  text(status: number, body: string, headers: Record<string, string> = {}): void {
    if (this.closed || this.res.headersSent) return;
    this.record.status = status;
    this.res.writeHead(status, { "content-type": "text/plain; charset=utf-8", ...headers });
    this.res.end(body);
  }

  startStream(headers: Record<string, string> = {}): void {
    if (this.closed || this.res.headersSent) return;
    this.record.status = 200;
    this.res.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache",
      connection: "keep-alive",
      ...headers,
    });
    // Send the headers now: a client waits for them before it sees the first token.
    this.res.flushHeaders();
  }

  writeEvent(data: string, event?: string): boolean {
    if (this.closed) return false;
    this.res.write(`${event ? `event: ${event}\n` : ""}data: ${data}\n\n`);
    return true;
  }

  endStream(): void {
    if (this.closed) return;
    this.res.end();
  }

  cut(): void {
    if (this.closed) return;
    this.record.cut = true;
    this.stop();
    this.state.changed();
    this.res.socket?.destroy();
    this.res.destroy();
  }

  /** Ends the exchange without it counting as a client disconnect (cut, server closing). */
  stop(): void {
    this.ended = true;
    for (const pending of this.sleeps) {
      clearTimeout(pending.timer);
      pending.resolve(false);
    }
    this.sleeps.clear();
  }
}
