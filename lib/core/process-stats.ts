import fs from "node:fs";
import { constants, monitorEventLoopDelay, PerformanceObserver, type IntervalHistogram } from "node:perf_hooks";
import { runtimeSlot } from "./runtime";

/**
 * Event-loop delay, garbage collection and memory of this process, written as JSON to the
 * file named by PROMPTLY_STATS_FILE (unset: nothing runs, nothing is measured). Not a route:
 * the benchmark (bench/run.mjs) reads it beside its latency percentiles, which is what a
 * stalled loop shows up in. The file ({ current, closed }) is rewritten every second with the
 * window so far; a SIGUSR2 closes the window and starts the next (`seq` numbers them), so a reader
 * brackets what it measures with two signals and reads `closed`, the window the second one
 * ended. `{pid}` in the name is replaced by the
 * process id, for several processes sharing one setting.
 */
export interface ProcessStats {
  pid: number;
  /** The window's number: 0 from the start to the first SIGUSR2. */
  seq: number;
  windowMs: number;
  /** How late the loop ran a timer due every 5 ms (ms beyond the 5), over `samples` samples. */
  eventLoopDelayMs: { p50: number; p90: number; p99: number; max: number; mean: number; samples: number };
  gc: { count: number; totalMs: number; maxMs: number; majorCount: number; majorMaxMs: number };
  rssMb: number;
  heapUsedMb: number;
  externalMb: number;
}

const SAMPLE_EVERY_MS = 5;

export function startProcessStats(setting = process.env.PROMPTLY_STATS_FILE): void {
  if (!setting) return;
  runtimeSlot("process-stats", () => new StatsWriter(setting.replaceAll("{pid}", String(process.pid))));
}

class StatsWriter {
  private readonly loop: IntervalHistogram = monitorEventLoopDelay({ resolution: SAMPLE_EVERY_MS });
  private gc = emptyGc();
  private seq = 0;
  private closed: ProcessStats | null = null;
  private startedAt = performance.now();

  constructor(private readonly file: string) {
    this.loop.enable();
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const major = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR;
        this.gc.count += 1;
        this.gc.totalMs += entry.duration;
        this.gc.maxMs = Math.max(this.gc.maxMs, entry.duration);
        if (major) {
          this.gc.majorCount += 1;
          this.gc.majorMaxMs = Math.max(this.gc.majorMaxMs, entry.duration);
        }
      }
    }).observe({ entryTypes: ["gc"] });
    setInterval(() => this.write(), 1_000).unref();
    process.on("SIGUSR2", () => {
      this.closed = this.snapshot();
      this.seq += 1;
      this.loop.reset();
      this.gc = emptyGc();
      this.startedAt = performance.now();
      this.write();
    });
  }

  private snapshot(): ProcessStats {
    const ms = (ns: number) => round(ns / 1e6);
    // The histogram holds whole intervals between samples: the delay is what exceeds the period.
    const late = (ns: number) => Math.max(0, ms(ns) - SAMPLE_EVERY_MS);
    const memory = process.memoryUsage();
    const h = this.loop;
    return {
      pid: process.pid,
      seq: this.seq,
      windowMs: Math.round(performance.now() - this.startedAt),
      eventLoopDelayMs: {
        p50: h.count ? late(h.percentile(50)) : 0,
        p90: h.count ? late(h.percentile(90)) : 0,
        p99: h.count ? late(h.percentile(99)) : 0,
        max: h.count ? late(h.max) : 0,
        mean: h.count ? late(h.mean) : 0,
        samples: h.count,
      },
      gc: { ...this.gc, totalMs: round(this.gc.totalMs), maxMs: round(this.gc.maxMs), majorMaxMs: round(this.gc.majorMaxMs) },
      rssMb: Math.round(memory.rss / 2 ** 20),
      heapUsedMb: Math.round(memory.heapUsed / 2 ** 20),
      externalMb: Math.round((memory.external + memory.arrayBuffers) / 2 ** 20),
    };
  }

  /** Whole or not at all: a reader never sees half a file. */
  private write(): void {
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      fs.writeFileSync(temporary, JSON.stringify({ current: this.snapshot(), closed: this.closed }));
      fs.renameSync(temporary, this.file);
    } catch (error) {
      console.error("[promptly] could not write PROMPTLY_STATS_FILE:", (error as Error).message);
    }
  }
}

const emptyGc = () => ({ count: 0, totalMs: 0, maxMs: 0, majorCount: 0, majorMaxMs: 0 });
const round = (value: number) => Math.round(value * 100) / 100;
