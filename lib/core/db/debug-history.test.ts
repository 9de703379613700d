import v8 from "node:v8";
import vm from "node:vm";
import { Debug as AdapterDebug } from "@prisma/debug";
import { Debug as RuntimeDebug } from "@prisma/client/runtime/client";
import { describe, expect, it } from "vitest";
import { releaseDebugHistory } from "./debug-history";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

// What each copy of Prisma's debug module is handed (a query with its values, a query plan)
// stays reachable from its history until released.
function handToHistory(debug: (...args: unknown[]) => void): WeakRef<object> {
  const payload = { values: ["x".repeat(100_000)] };
  debug("query", payload);
  return new WeakRef(payload);
}

async function collected(ref: WeakRef<object>): Promise<boolean> {
  // A WeakRef's target stays alive until the current job ends: collect in a later one.
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  return ref.deref() === undefined;
}

describe("releaseDebugHistory", () => {
  it("releases what both copies of Prisma's debug module hold", async () => {
    const adapter = handToHistory(AdapterDebug("prisma:driver-adapter:test"));
    const runtime = handToHistory(RuntimeDebug("prisma:client:test"));
    expect(await collected(adapter)).toBe(false);
    expect(await collected(runtime)).toBe(false);
    releaseDebugHistory();
    expect(await collected(adapter)).toBe(true);
    expect(await collected(runtime)).toBe(true);
  });
});
