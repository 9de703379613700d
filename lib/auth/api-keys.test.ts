import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { API_KEY_PREFIX, generateApiKey, hashApiKey, visiblePrefix } from "./api-key-hash";
import { createApiKey, ensureBootstrapApiKey, findActiveApiKey, revokeApiKey } from "./api-keys";

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
    expect(generateApiKey().length).toBe(API_KEY_PREFIX.length + 43);
  });

  it("finds active keys and stops finding them once revoked", async () => {
    const { key, record } = await createApiKey({ name: "temp", scope: "completions" });
    expect((await findActiveApiKey(key))?.scope).toBe("completions");
    expect(await findActiveApiKey(key + "x")).toBeNull();
    expect(await revokeApiKey(record.id)).toBe(true);
    expect(await findActiveApiKey(key)).toBeNull();
  });

  it("creates the bootstrap key once", async () => {
    process.env.PROMPTLY_BOOTSTRAP_API_KEY = "pk-promptly-bootstrap-unit-test";
    const lines: string[] = [];
    await ensureBootstrapApiKey((line) => lines.push(line));
    await ensureBootstrapApiKey((line) => lines.push(line));
    delete process.env.PROMPTLY_BOOTSTRAP_API_KEY;
    expect(lines).toHaveLength(1);
    expect(await findActiveApiKey("pk-promptly-bootstrap-unit-test")).not.toBeNull();
    expect(lines[0]).not.toContain("pk-promptly-bootstrap-unit-test");
  });
});
