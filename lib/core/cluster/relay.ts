import { CLUSTER_CHANNEL, isClusterMessage, type ClusterMessage } from "@/lib/core/cluster/protocol";

/** A worker as the primary sees it (node:cluster's Worker has both). */
export interface RelayWorker {
  readonly id: number;
  send(message: ClusterMessage): unknown;
}

/** How long the primary waits for the workers' acknowledgements of one broadcast. */
export const ACK_WAIT_MS = 1_000;

interface Pending {
  origin: RelayWorker;
  waiting: Set<number>;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * The primary's half of lib/core/cluster/broadcast.ts: delivers a worker's broadcast to every
 * other serving worker and answers "done" to it once they all acknowledged, or once those
 * still missing died, or after ACK_WAIT_MS.
 */
export class BroadcastRelay {
  private readonly pending = new Map<string, Pending>();

  constructor(
    /** The workers that serve now (a starting one has nothing cached yet). */
    private readonly serving: () => Iterable<RelayWorker>,
    private readonly waitMs = ACK_WAIT_MS,
  ) {}

  /** A message from `from`; anything that is not ours is ignored (false). */
  onMessage(from: RelayWorker, message: unknown): boolean {
    if (!isClusterMessage(message)) return false;
    if (message.type === "broadcast") this.start(from, message.kind, message.payload, message.nonce);
    else if (message.type === "ack") this.acknowledged(message.nonce, from.id);
    return true;
  }

  /** A worker exited: nobody waits for it any longer. */
  workerGone(id: number): void {
    for (const [nonce, entry] of this.pending) {
      if (entry.origin.id === id) this.finish(nonce, false);
      else this.acknowledged(nonce, id);
    }
  }

  /** Broadcasts still waiting for acknowledgements (tests). */
  get waitingCount(): number {
    return this.pending.size;
  }

  private start(origin: RelayWorker, kind: string, payload: string, nonce: string): void {
    const others = [...this.serving()].filter((worker) => worker.id !== origin.id);
    if (others.length === 0) return void safeSend(origin, { channel: CLUSTER_CHANNEL, type: "done", nonce });
    const timer = setTimeout(() => this.finish(nonce, true), this.waitMs);
    timer.unref?.();
    this.pending.set(nonce, { origin, waiting: new Set(others.map((worker) => worker.id)), timer });
    for (const worker of others) {
      if (!safeSend(worker, { channel: CLUSTER_CHANNEL, type: "deliver", kind, payload, nonce })) this.acknowledged(nonce, worker.id);
    }
  }

  private acknowledged(nonce: string, id: number): void {
    const entry = this.pending.get(nonce);
    if (!entry) return;
    entry.waiting.delete(id);
    if (entry.waiting.size === 0) this.finish(nonce, true);
  }

  private finish(nonce: string, answer: boolean): void {
    const entry = this.pending.get(nonce);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.pending.delete(nonce);
    if (answer) safeSend(entry.origin, { channel: CLUSTER_CHANNEL, type: "done", nonce });
  }
}

/** False when the worker's channel is already closed (it is exiting). */
function safeSend(worker: RelayWorker, message: ClusterMessage): boolean {
  try {
    worker.send(message);
    return true;
  } catch {
    return false;
  }
}
