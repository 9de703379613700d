import { describe, expect, it } from "vitest";
import { peekRuntimeSlot } from "@/lib/core/runtime";
import { firstRunDelayMs, startLogRetention } from "./retention";
import { LOG_RETENTION_SLOT } from "./retention-slot";

describe("the retention timer", () => {
  it("lives in its runtime slot, starts once, and stops for good (what shutdown calls)", () => {
    startLogRetention(() => undefined);
    const state = peekRuntimeSlot<{ started: boolean; stopped: boolean; timer: NodeJS.Timeout | null; stop(): void }>(LOG_RETENTION_SLOT);
    expect(state?.started).toBe(true);
    const timer = state?.timer;
    expect(timer).not.toBeNull();
    startLogRetention(() => undefined);
    expect(state?.timer).toBe(timer);
    state?.stop();
    expect(state).toMatchObject({ stopped: true, timer: null });
  });

  it("waits a minute before its first pass unless PROMPTLY_LOG_RETENTION_START_DELAY_MS says otherwise", () => {
    expect(firstRunDelayMs(undefined)).toBe(60_000);
    expect(firstRunDelayMs("")).toBe(60_000);
    expect(firstRunDelayMs("3000")).toBe(3_000);
    expect(firstRunDelayMs("0")).toBe(0);
    for (const bad of ["-1", "1.5", "soon"]) expect(firstRunDelayMs(bad), bad).toBe(60_000);
  });
});
