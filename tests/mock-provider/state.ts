import { EventEmitter } from "node:events";
import { behaviorFromModel, mergeBehaviors } from "./behavior";
import type { MockBehavior, RecordedRequest } from "./types";

/** What the mock remembers between requests: the recordings and the configured behaviours. */
export class MockState {
  /** Kept as the same array across reset() so a reference held by a test stays live. */
  readonly requests: RecordedRequest[] = [];
  defaultBehavior: MockBehavior | null = null;
  readonly queue: MockBehavior[] = [];
  /** Connections that carried at least one provider call since start (never reset). */
  connectionsOpened = 0;
  private seq = 0;
  /** Emits "change" whenever a recording is added or updated (drives waitFor). */
  private readonly events = new EventEmitter();

  constructor() {
    // Many concurrent waitFor() calls in a test are normal, not a leak.
    this.events.setMaxListeners(0);
  }

  add(record: Omit<RecordedRequest, "seq">): RecordedRequest {
    const full = { seq: ++this.seq, ...record };
    this.requests.push(full);
    this.changed();
    return full;
  }

  changed(): void {
    this.events.emit("change");
  }

  count(pathPrefix?: string): number {
    if (!pathPrefix) return this.requests.length;
    return this.requests.filter((r) => r.path.startsWith(pathPrefix)).length;
  }

  reset(): void {
    this.requests.length = 0;
    this.queue.length = 0;
    this.defaultBehavior = null;
    this.seq = 0;
  }

  /**
   * The behaviour for one LLM request, consuming one queued entry.
   * Precedence (later wins): model preset < default < queued < header.
   */
  resolve(model: string | undefined, fromHeader: MockBehavior | null): MockBehavior {
    const queued = this.queue.shift();
    return mergeBehaviors(behaviorFromModel(model), this.defaultBehavior, queued, fromHeader);
  }

  waitFor(predicate: (request: RecordedRequest) => boolean, timeoutMs = 5000): Promise<RecordedRequest> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.requests.find(predicate);
        if (!found) return false;
        cleanup();
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`mock provider: no matching request within ${timeoutMs} ms`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.events.off("change", check);
      };
      this.events.on("change", check);
      check();
    });
  }
}
