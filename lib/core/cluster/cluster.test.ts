import { afterEach, describe, expect, it, vi } from "vitest";
import { broadcast, inCluster } from "./broadcast";
import { CLUSTER_CHANNEL, type ClusterMessage } from "./protocol";
import { BroadcastRelay, type RelayWorker } from "./relay";
import { runsBackgroundJobs, workerCount, workerRole } from "./role";

function worker(id: number): RelayWorker & { got: ClusterMessage[] } {
  const got: ClusterMessage[] = [];
  return { id, got, send: (message) => got.push(message) };
}
const ask = (nonce: string, kind = "cache", payload = "prompts") => ({ channel: CLUSTER_CHANNEL, type: "broadcast", kind, payload, nonce });
const ack = (nonce: string) => ({ channel: CLUSTER_CHANNEL, type: "ack", nonce });
const done = (nonce: string) => ({ channel: CLUSTER_CHANNEL, type: "done", nonce });

afterEach(() => {
  vi.useRealTimers();
});

describe("PROMPTLY_WORKERS and the workers' roles", () => {
  it("defaults to one worker per core, takes a whole number from 1, refuses anything else", () => {
    expect(workerCount(undefined, 4)).toBe(4);
    expect(workerCount("", 2)).toBe(2);
    expect(workerCount("1", 8)).toBe(1);
    expect(workerCount(" 3 ", 8)).toBe(3);
    for (const bad of ["0", "-2", "1.5", "two"]) expect(() => workerCount(bad, 2), bad).toThrow(/PROMPTLY_WORKERS/);
  });

  it("runs the background jobs in a single process or the lead, never in the other workers", () => {
    expect(workerRole(undefined)).toBe("single");
    expect(workerRole("lead")).toBe("lead");
    expect(workerRole("follower")).toBe("follower");
    expect(workerRole("other")).toBe("single");
    expect([runsBackgroundJobs("single"), runsBackgroundJobs("lead"), runsBackgroundJobs("follower")]).toEqual([true, true, false]);
  });

  it("a process that is not a worker broadcasts to nobody and goes on at once", async () => {
    expect(inCluster()).toBe(false);
    await expect(broadcast("cache", "prompts")).resolves.toBeUndefined();
  });
});

describe("the primary's broadcast relay", () => {
  it("delivers to every other serving worker and answers the asker once they all acknowledged", () => {
    const [a, b, c] = [worker(1), worker(2), worker(3)];
    const relay = new BroadcastRelay(() => [a, b, c]);
    expect(relay.onMessage(a, ask("n1"))).toBe(true);
    expect(a.got).toEqual([]);
    for (const other of [b, c]) expect(other.got).toEqual([{ channel: CLUSTER_CHANNEL, type: "deliver", kind: "cache", payload: "prompts", nonce: "n1" }]);
    relay.onMessage(b, ack("n1"));
    expect(a.got).toEqual([]);
    relay.onMessage(c, ack("n1"));
    expect(a.got).toEqual([done("n1")]);
    expect(relay.waitingCount).toBe(0);
  });

  it("answers at once when no other worker serves, and ignores messages that are not its own", () => {
    const a = worker(1);
    const relay = new BroadcastRelay(() => [a]);
    relay.onMessage(a, ask("n2"));
    expect(a.got).toEqual([done("n2")]);
    expect(relay.onMessage(a, { channel: "rate_limiter_flexible", type: "init" })).toBe(false);
    expect(relay.onMessage(a, null)).toBe(false);
  });

  it("stops waiting for a worker that died, and answers nobody when the asker died", () => {
    const [a, b, c] = [worker(1), worker(2), worker(3)];
    const relay = new BroadcastRelay(() => [a, b, c]);
    relay.onMessage(a, ask("n3"));
    relay.onMessage(b, ack("n3"));
    relay.workerGone(c.id);
    expect(a.got).toEqual([done("n3")]);

    relay.onMessage(a, ask("n4"));
    relay.workerGone(a.id);
    relay.onMessage(b, ack("n4"));
    relay.onMessage(c, ack("n4"));
    expect(a.got).toEqual([done("n3")]);
    expect(relay.waitingCount).toBe(0);
  });

  it("a hung worker holds the asker no longer than the wait", () => {
    vi.useFakeTimers();
    const [a, b] = [worker(1), worker(2)];
    const relay = new BroadcastRelay(() => [a, b], 1_000);
    relay.onMessage(a, ask("n5"));
    vi.advanceTimersByTime(999);
    expect(a.got).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(a.got).toEqual([done("n5")]);
    relay.onMessage(b, ack("n5")); // late: nothing more
    expect(a.got).toEqual([done("n5")]);
  });

  it("a worker whose channel is closed counts as acknowledged", () => {
    const a = worker(1);
    const closed: RelayWorker = {
      id: 2,
      send: () => {
        throw new Error("channel closed");
      },
    };
    const relay = new BroadcastRelay(() => [a, closed]);
    relay.onMessage(a, ask("n6"));
    expect(a.got).toEqual([done("n6")]);
  });
});
