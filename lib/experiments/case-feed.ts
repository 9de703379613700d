import { randomUUID } from "node:crypto";
import { db } from "@/lib/core/db";
import { versionWhere } from "@/lib/datasets/datasets";
import { claimCases } from "./case-claims";
import type { CaseItem } from "./run-case";

export const LEASE_MS_DEFAULT = 30_000;
/** How long a claimed case is held without a renewal: a dead runner's cases wait this long. */
export function leaseMs(): number {
  const value = Number(process.env.PROMPTLY_EXPERIMENT_LEASE_MS);
  return Number.isFinite(value) && value >= 200 ? value : LEASE_MS_DEFAULT;
}
/** How long a runner waits when only cases held elsewhere are left. */
const POLL_MS = 1_000;
/** How often a runner reads its experiment's status: cancel stops new calls within this. */
const STATUS_EVERY_MS = 250;

export interface Claimed {
  id: string;
  itemId: string;
  targetIndex: number;
  /** The claim's token: a result is written only where the case still carries it. */
  token: string;
  item: CaseItem | null;
}

type Refill = "claimed" | "wait" | "none-left";

/**
 * The cases one process runs for one experiment, claimed from the database a batch at a time
 * so the database work per case stays a fraction of a query:
 * - one claim takes up to `batch` pending cases under a fresh token (case-claims.ts; two
 *   instances racing for the same cases split them);
 * - one read loads the dataset rows the batch needs;
 * - one timer reads the experiment's status (cancel) and renews every held lease at once.
 * Claimed cases wait in memory for a free worker; on cancel or shutdown the ones not started
 * go back to pending, as if never claimed.
 */
export class CaseFeed {
  cancelled = false;
  private queue: Claimed[] = [];
  /** Claimed here and not finished: queued or in flight. */
  private held = new Set<string>();
  private refill: Promise<Refill> | null = null;
  private exhausted = false;
  private lastRequeue = 0;
  private lastRenew = Date.now();
  private ticking = false;
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(
    private readonly experimentId: string,
    private readonly batch: number,
    private readonly items: ItemCache,
    private readonly stopping: () => boolean,
  ) {
    this.timer = setInterval(() => void this.tick(), STATUS_EVERY_MS);
    this.timer.unref?.();
  }

  /** The next case to run, or null when none is left for this runner (or it must stop). */
  async next(): Promise<Claimed | null> {
    for (;;) {
      if (this.stopping() || this.cancelled) return null;
      const claimed = this.queue.shift();
      if (claimed) {
        // Claim the next batch while this one still has work, so no worker waits for a claim.
        if (this.queue.length < this.batch / 2) void this.startRefill().catch(() => undefined);
        return claimed;
      }
      if (this.exhausted) return null;
      if ((await this.startRefill()) === "wait") await sleep(POLL_MS);
    }
  }

  /** One claim at a time per experiment: the workers that need cases share it. */
  private startRefill(): Promise<Refill> {
    if (this.exhausted) return Promise.resolve("none-left");
    this.refill ??= this.claimBatch().finally(() => (this.refill = null));
    return this.refill;
  }

  /** A case's result is written (or given up): its lease needs no more renewing. */
  finished(id: string): void {
    this.held.delete(id);
  }

  /** Stops the timer and hands back the claimed cases no worker started. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    const unstarted = this.queue.splice(0);
    if (unstarted.length === 0) return;
    for (const claimed of unstarted) this.held.delete(claimed.id);
    await db.experimentCase.updateMany({
      where: { id: { in: unstarted.map((c) => c.id) }, status: "running", claimToken: { in: [...new Set(unstarted.map((c) => c.token))] } },
      data: { status: "pending", leaseUntil: null, claimToken: null, attempts: { decrement: 1 } },
    });
  }

  private async claimBatch(): Promise<Refill> {
    if (Date.now() - this.lastRequeue >= POLL_MS) {
      this.lastRequeue = Date.now();
      await requeueExpired(this.experimentId);
    }
    for (;;) {
      const token = randomUUID();
      const { rows, raced } = await claimCases(this.experimentId, this.batch, token, new Date(Date.now() + leaseMs()));
      if (raced) continue; // another runner took them all first
      if (rows.length === 0) {
        // Cases running elsewhere (another instance, or a dead one whose lease will run out) may
        // come back to pending; this runner's own are about to finish.
        const elsewhere = await db.experimentCase.count({ where: { experimentId: this.experimentId, status: "running", id: { notIn: [...this.held] } } });
        if (elsewhere > 0) return "wait";
        this.exhausted = true;
        return "none-left";
      }
      const items = await this.items.load(rows.map((row) => row.itemId));
      for (const row of rows) {
        this.held.add(row.id);
        this.queue.push({ ...row, token, item: items.get(row.itemId) ?? null });
      }
      return "claimed";
    }
  }

  private async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      const experiment = await db.experiment.findUnique({ where: { id: this.experimentId }, select: { status: true } });
      if (experiment?.status !== "running") this.cancelled = true;
      if (this.held.size > 0 && Date.now() - this.lastRenew >= Math.min(POLL_MS, leaseMs() / 3)) {
        this.lastRenew = Date.now();
        await db.experimentCase.updateMany({ where: { id: { in: [...this.held] }, status: "running" }, data: { leaseUntil: new Date(Date.now() + leaseMs()) } });
      }
    } catch (error) {
      console.error(`[promptly] experiment ${this.experimentId}: status or lease renewal failed:`, (error as Error).message);
    } finally {
      this.ticking = false;
    }
  }
}

/** Cases whose runner stopped renewing their lease (its process died) go back to pending. */
async function requeueExpired(experimentId: string): Promise<void> {
  await db.experimentCase.updateMany({
    where: { experimentId, status: "running", leaseUntil: { lt: new Date() } },
    data: { status: "pending", leaseUntil: null, claimToken: null },
  });
}

/** The dataset rows of the experiment's version, read once per item per run, a batch at a time. */
export class ItemCache {
  private rows = new Map<string, CaseItem | null>();
  constructor(
    private readonly datasetId: string,
    private readonly version: number,
  ) {}

  async load(itemIds: readonly string[]): Promise<Map<string, CaseItem | null>> {
    const missing = [...new Set(itemIds)].filter((id) => !this.rows.has(id));
    if (missing.length > 0) {
      const found = await db.datasetItem.findMany({ where: { AND: [versionWhere(this.datasetId, this.version), { itemId: { in: missing } }] } });
      for (const id of missing) this.rows.set(id, null);
      for (const row of found) {
        this.rows.set(row.itemId, { variables: row.variables as Record<string, unknown>, expected: row.expected, metadata: (row.metadata ?? null) as Record<string, unknown> | null });
      }
    }
    return this.rows;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref?.());
