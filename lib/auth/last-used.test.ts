import { describe, expect, it } from "vitest";
import { db } from "@/lib/core/db";
import { peekRuntimeSlot } from "@/lib/core/runtime";
import { API_KEY_CACHE_SLOT, createApiKey, findActiveApiKey } from "./api-keys";

// Last-used time updates without slowing the request path.
describe("API key last-used time", () => {
  it("is written in the background, at most once a minute per key, and never awaited", async () => {
    const { key, record } = await createApiKey({ name: "last-used", scope: "completions" });
    const delegate = db.apiKey as unknown as { update: (...args: unknown[]) => Promise<unknown> };
    const original = delegate.update.bind(delegate);
    const writes: unknown[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // A write that takes as long as we like: the lookup must not wait for it.
    delegate.update = async (...args: unknown[]) => {
      writes.push(args[0]);
      await held;
      return original(...args);
    };
    try {
      expect(await findActiveApiKey(key)).toMatchObject({ id: record.id });
      expect(writes).toHaveLength(1);
      // Within the minute (and past the 5 s lookup cache, as a cleared cache does), no second write.
      peekRuntimeSlot<{ cache: { clear(): void } }>(API_KEY_CACHE_SLOT)?.cache.clear();
      expect(await findActiveApiKey(key)).toMatchObject({ id: record.id });
      expect(writes).toHaveLength(1);
    } finally {
      delegate.update = original;
      release();
    }
    await expect.poll(async () => (await db.apiKey.findUniqueOrThrow({ where: { id: record.id } })).lastUsedAt).not.toBeNull();
  });
});
