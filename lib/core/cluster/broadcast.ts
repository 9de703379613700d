import { randomUUID } from "node:crypto";
import { CLUSTER_CHANNEL, isClusterMessage, type BroadcastKind, type ClusterMessage } from "@/lib/core/cluster/protocol";
import { workerRole } from "@/lib/core/cluster/role";
import { runtimeSlot } from "@/lib/core/runtime";

/** How long a broadcast waits for the primary's "done" at most (it waits 1 s for the workers). */
const DONE_WAIT_MS = 1_500;

type Handler = (payload: string) => unknown;

interface WorkerIpc {
  handlers: Map<BroadcastKind, Handler>;
  waiting: Map<string, () => void>;
  joined: boolean;
}
// A runtime slot: Next's copy of lib/ and the fast routes' bundled copy register handlers and
// broadcast alike, and the process must listen to its primary once.
const ipc = runtimeSlot<WorkerIpc>("cluster-ipc", () => ({ handlers: new Map(), waiting: new Map(), joined: false }));

/** Whether this process is one worker of several (forked by server/cluster-primary.ts). */
export function inCluster(): boolean {
  return workerRole() !== "single" && typeof process.send === "function";
}

/** What this worker does when another one broadcasts `kind`; one handler per kind (the last registered). */
export function onBroadcast(kind: BroadcastKind, handler: Handler): void {
  ipc.handlers.set(kind, handler);
}

/** Starts listening to the primary, once per process (start-up tasks; the first broadcast). */
export function joinCluster(): void {
  if (ipc.joined || !inCluster()) return;
  ipc.joined = true;
  process.on("message", (message: unknown) => {
    if (!isClusterMessage(message)) return;
    if (message.type === "done") ipc.waiting.get(message.nonce)?.();
    else if (message.type === "deliver") void deliver(message.kind as BroadcastKind, message.payload, message.nonce);
  });
}

async function deliver(kind: BroadcastKind, payload: string, nonce: string): Promise<void> {
  try {
    await ipc.handlers.get(kind)?.(payload);
  } catch (error) {
    console.error(`[promptly] cluster message '${kind}' failed:`, (error as Error).message);
  }
  send({ channel: CLUSTER_CHANNEL, type: "ack", nonce });
}

function send(message: ClusterMessage): void {
  // With a callback, a closed channel (the primary is gone, this worker is stopping too) is
  // reported there instead of as an 'error' event that would end the process.
  if (process.connected) process.send?.(message, undefined, undefined, () => undefined);
}

/**
 * Has every other worker run its handler for `kind`; resolves once they all acknowledged (or
 * after DONE_WAIT_MS), never rejects. At once when this process is not one of several workers.
 */
export function broadcast(kind: BroadcastKind, payload = ""): Promise<void> {
  if (!inCluster()) return Promise.resolve();
  joinCluster();
  const nonce = randomUUID();
  return new Promise<void>((resolve) => {
    const finish = () => {
      clearTimeout(timer);
      ipc.waiting.delete(nonce);
      resolve();
    };
    const timer = setTimeout(finish, DONE_WAIT_MS);
    timer.unref?.();
    ipc.waiting.set(nonce, finish);
    send({ channel: CLUSTER_CHANNEL, type: "broadcast", kind, payload, nonce });
  });
}
