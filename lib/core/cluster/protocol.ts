/**
 * The messages between the primary and its workers over node:cluster's IPC channel, for what
 * must reach every worker before a request may go on (a cache dropped, held analytics
 * written): a worker asks the primary to broadcast, the primary delivers to every other
 * worker that serves, each acknowledges once it acted, and the primary tells the asker it
 * is done (or after a wait, so a hung worker can't hold the others).
 */
export const CLUSTER_CHANNEL = "promptly-cluster";

export type ClusterMessage =
  | { channel: typeof CLUSTER_CHANNEL; type: "broadcast"; kind: string; payload: string; nonce: string }
  | { channel: typeof CLUSTER_CHANNEL; type: "deliver"; kind: string; payload: string; nonce: string }
  | { channel: typeof CLUSTER_CHANNEL; type: "ack"; nonce: string }
  | { channel: typeof CLUSTER_CHANNEL; type: "done"; nonce: string };

/** What one kind of broadcast is about; its payload is a string of the kind's own. */
export type BroadcastKind = "cache" | "flush-logs" | "start-experiment";

export function isClusterMessage(value: unknown): value is ClusterMessage {
  return typeof value === "object" && value !== null && (value as { channel?: unknown }).channel === CLUSTER_CHANNEL && typeof (value as { nonce?: unknown }).nonce === "string";
}
