import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/core/db";
import { API_KEY_PREFIX, generateApiKey, hashApiKey, visiblePrefix } from "./api-key-hash";
import { createApiKey, createApiKeyForAdmin, ensureBootstrapApiKey, findActiveApiKey, revokeApiKey } from "./api-keys";

describe("API key hashing", () => {
  it("stores SHA-256 hex of the key, never the key", async () => {
    const { key, record } = await createApiKey({ name: "ci" });
    expect(key.startsWith(API_KEY_PREFIX)).toBe(true);
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: record.id } });
    expect(row.hash).toBe(createHash("sha256").update(key).digest("hex"));
    expect(row.hash).toBe(hashApiKey(key));
    expect(JSON.stringify(row)).not.toContain(key);
    expect(row.prefix).toBe(visiblePrefix(key));
    expect(key.startsWith(row.prefix)).toBe(true);
    expect(row.prefix.length).toBeLessThan(20);
  });

  it("generates distinct keys with 256 bits of randomness", () => {
    const keys = new Set(Array.from({ length: 100 }, generateApiKey));
    expect(keys.size).toBe(100);
    expect(generateApiKey()).toMatch(new RegExp(`^${API_KEY_PREFIX}[0-9a-f]{64}$`));
  });

  it("finds active keys and stops finding them once revoked", async () => {
    const { key, record } = await createApiKey({ name: "temp", scope: "completions" });
    expect((await findActiveApiKey(key))?.scope).toBe("completions");
    expect(await findActiveApiKey(key + "x")).toBeNull();
    expect(await revokeApiKey(record.id)).toBe(true);
    expect(await findActiveApiKey(key)).toBeNull();
  });

  it("creates the bootstrap key once", async () => {
    const strong = "pk-promptly-unit-4f1c9a7be20d58c36a9e1f0b7d2c4e8a91b3f6d05c7e2a8b4d9f1e3c6a0b5d7e";
    process.env.PROMPTLY_BOOTSTRAP_API_KEY = strong;
    const lines: string[] = [];
    await ensureBootstrapApiKey((line) => lines.push(line));
    await ensureBootstrapApiKey((line) => lines.push(line));
    delete process.env.PROMPTLY_BOOTSTRAP_API_KEY;
    expect(lines).toHaveLength(1);
    expect(await findActiveApiKey(strong)).not.toBeNull();
    expect(lines[0]).not.toContain(strong);
  });

  it("refuses a weak bootstrap key, creating nothing", async () => {
    process.env.PROMPTLY_BOOTSTRAP_API_KEY = "pk-promptly-bootstrap-unit-test";
    await expect(ensureBootstrapApiKey(() => undefined)).rejects.toThrow(/PROMPTLY_BOOTSTRAP_API_KEY is too weak/);
    delete process.env.PROMPTLY_BOOTSTRAP_API_KEY;
    expect(await findActiveApiKey("pk-promptly-bootstrap-unit-test")).toBeNull();
  });
});

describe("who owns the keys an API key makes", () => {
  it("a user's key makes keys of that user; a key without a user owns what it makes, and revoking it revokes them", async () => {
    const user = await db.user.create({ data: { id: "owner-1", name: "O", email: "o@keys.test", role: "owner", updatedAt: new Date() } });
    const userKey = await createApiKey({ name: "user's", userId: user.id });
    const made = await createApiKeyForAdmin({ name: "made", scope: "admin" }, { userId: user.id, createdByKeyId: userKey.record.id });
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: made.id } })).userId).toBe(user.id);

    const root = await createApiKey({ name: "bootstrap-like" });
    const child = await createApiKeyForAdmin({ name: "child", scope: "admin" }, { userId: null, createdByKeyId: root.record.id });
    const grandchild = await createApiKeyForAdmin({ name: "grandchild", scope: "completions" }, { userId: null, createdByKeyId: child.id });
    const adopted = await createApiKeyForAdmin({ name: "a user's, made by the root", scope: "completions" }, { userId: user.id, createdByKeyId: root.record.id });
    await revokeApiKey(root.record.id);
    expect(await findActiveApiKey(child.key)).toBeNull();
    expect(await findActiveApiKey(grandchild.key)).toBeNull();
    expect(await findActiveApiKey(adopted.key)).not.toBeNull();
    expect(await findActiveApiKey(made.key)).not.toBeNull();
  });
});
