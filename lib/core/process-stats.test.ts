import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { startProcessStats, type ProcessStats } from "./process-stats";

it("writes event-loop delay, GC and memory to PROMPTLY_STATS_FILE, a new window on each SIGUSR2", async () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "promptly-stats-")), "stats-{pid}.json");
  startProcessStats(file);
  const written = file.replace("{pid}", String(process.pid));
  const read = () => JSON.parse(fs.readFileSync(written, "utf8")) as { current: ProcessStats; closed: ProcessStats | null };

  // Holds the loop for a while: the delay shows in the window.
  await new Promise((resolve) => setTimeout(resolve, 20));
  const until = performance.now() + 60;
  while (performance.now() < until);
  await new Promise((resolve) => setTimeout(resolve, 20));
  process.emit("SIGUSR2");
  const { current, closed } = read();
  expect(closed).toMatchObject({ pid: process.pid, seq: 0 });
  expect(closed!.eventLoopDelayMs.max).toBeGreaterThanOrEqual(50);
  expect(closed!.rssMb).toBeGreaterThan(0);
  expect(current).toMatchObject({ seq: 1, eventLoopDelayMs: { samples: 0 } });

  process.emit("SIGUSR2");
  expect(read().closed!.seq).toBe(1);
  expect(read().closed!.eventLoopDelayMs.samples).toBe(0);
});
