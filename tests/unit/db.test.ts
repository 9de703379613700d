import { describe, expect, it } from "vitest";
import { db } from "@/lib/core/db";

describe("the Prisma client on a temporary SQLite file", () => {
  it("creates a prompt with two versions whose numbers are unique", async () => {
    const collection = await db.collection.create({ data: { slug: "c-unit", name: "Unit" } });
    const prompt = await db.prompt.create({ data: { slug: "pp-unit-abc123", name: "Unit", collectionId: collection.id } });
    for (const version of [1, 2]) {
      await db.promptVersion.create({
        data: { promptId: prompt.id, version, template: `v${version}`, parameters: {} },
      });
    }
    const versions = await db.promptVersion.findMany({ where: { promptId: prompt.id }, orderBy: { version: "asc" } });
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    await expect(
      db.promptVersion.create({ data: { promptId: prompt.id, version: 2, template: "dup", parameters: {} } }),
    ).rejects.toThrow();
  });

  it("runs in WAL mode with a busy timeout and foreign keys on", async () => {
    const [journal] = await db.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
    const [busy] = await db.$queryRawUnsafe<{ timeout: bigint | number }[]>("PRAGMA busy_timeout");
    const [fk] = await db.$queryRawUnsafe<{ foreign_keys: bigint | number }[]>("PRAGMA foreign_keys");
    expect(journal.journal_mode).toBe("wal");
    // Without it, a write that meets the log writer's lock (a second connection) fails at
    // once with SQLITE_BUSY instead of waiting its turn; a few ms would be as bad as none.
    expect(Number(busy.timeout)).toBeGreaterThanOrEqual(1000);
    expect(Number(fk.foreign_keys)).toBe(1);
  });
});
