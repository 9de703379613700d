import { afterEach, describe, expect, it, vi } from "vitest";

type RuntimeModule = typeof import("./runtime");

// Each call evaluates the module afresh, as a dev reload or the fast routes' bundle does.
async function freshCopy(): Promise<RuntimeModule> {
  vi.resetModules();
  return import("./runtime");
}

describe("runtime slots", () => {
  afterEach(async () => (await freshCopy()).resetRuntimeSlot("test-slot"));

  it("gives every copy of the module the same value for a name, made once", async () => {
    const first = await freshCopy();
    const second = await freshCopy();
    expect(second).not.toBe(first);
    const create = vi.fn(() => ({ count: 0 }));
    const a = first.runtimeSlot("test-slot", create);
    const b = second.runtimeSlot("test-slot", create);
    expect(b).toBe(a);
    expect(create).toHaveBeenCalledTimes(1);
    a.count += 1;
    expect(second.peekRuntimeSlot<{ count: number }>("test-slot")?.count).toBe(1);
  });

  it("keeps names apart, peeks without creating, and resets for tests", async () => {
    const { peekRuntimeSlot, resetRuntimeSlot, runtimeSlot } = await freshCopy();
    expect(peekRuntimeSlot("test-slot")).toBeUndefined();
    const map = runtimeSlot("test-slot", () => new Map<string, number>());
    expect(runtimeSlot("test-slot-other", () => "other")).toBe("other");
    expect(peekRuntimeSlot("test-slot")).toBe(map);
    resetRuntimeSlot("test-slot");
    resetRuntimeSlot("test-slot-other");
    expect(peekRuntimeSlot("test-slot")).toBeUndefined();
    expect(runtimeSlot("test-slot", () => new Map<string, number>())).not.toBe(map);
  });

  it("holds the state the two bundles share: one database client, one key cache", async () => {
    const { db } = await import("@/lib/core/db");
    const { API_KEY_CACHE_SLOT } = await import("@/lib/auth/api-keys");
    const runtime = await freshCopy();
    expect(runtime.peekRuntimeSlot("prisma")).toBe(db);
    expect(runtime.peekRuntimeSlot(API_KEY_CACHE_SLOT)).toBeDefined();
  });
});
