import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/core/db";
import { bumpPromptCacheGeneration } from "@/lib/prompts/cache";
import { runStartupTasks } from "@/lib/lifecycle/startup";
import { getVirtualKeyCredentials } from "@/lib/virtual-keys/credentials";
import { legacySeal } from "./legacy-secret";

async function snapshot() {
  const [labels, collections, apiKeys, users] = await Promise.all([
    db.label.findMany({ orderBy: { name: "asc" } }),
    db.collection.findMany({ orderBy: { slug: "asc" } }),
    db.apiKey.findMany({ orderBy: { id: "asc" } }),
    db.user.count(),
  ]);
  return { labels, collections, apiKeys, users };
}

describe("start-up tasks", () => {
  it("seed the defaults once: a second start changes nothing and loses nothing", async () => {
    const lines: string[] = [];
    await runStartupTasks((line) => lines.push(line));
    const first = await snapshot();
    expect(first.labels.map((label) => label.name)).toEqual(["development", "production", "staging"]);
    expect(first.collections.filter((collection) => collection.isDefault)).toHaveLength(1);
    expect(first.apiKeys).toHaveLength(1);
    // The key itself goes to a 0600 file in the data folder; the log names the file and a prefix.
    const file = path.join(process.env.PROMPTLY_DATA_DIR!, "first-api-key.txt");
    const key = fs.readFileSync(file, "utf8").trim();
    expect(lines.join("\n")).toContain(file);
    expect(lines.join("\n")).toMatch(/created a first API key \(pk-promptly-.{4}…\)/);
    expect(lines.join("\n")).not.toContain(key);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    // Something a user made between the two starts must survive the second.
    await db.label.create({ data: { name: "qa" } });
    const afterEdit = await snapshot();
    await runStartupTasks((line) => lines.push(line));
    expect(await snapshot()).toEqual(afterEdit);
    expect(lines).toHaveLength(1);
  });
});

describe("start-up re-encrypts secrets stored before they were bound to their row", () => {
  it("converts every old-format virtual key secret once, losing none; a copied ciphertext then fails", async () => {
    const rows = await Promise.all(
      ["one", "two"].map((slug) => db.virtualKey.create({ data: { slug, name: slug, provider: "openai", encryptedSecret: legacySeal(`sk-${slug}-secret`), maskedKey: "sk-****" } })),
    );
    const empty = await db.virtualKey.create({ data: { slug: "keyless", name: "keyless", provider: "ollama", encryptedSecret: legacySeal(""), maskedKey: "" } });
    await runStartupTasks(() => undefined);
    for (const row of rows) {
      const after = await db.virtualKey.findUniqueOrThrow({ where: { id: row.id } });
      expect(after.encryptedSecret.startsWith("v2:")).toBe(true);
      expect((await getVirtualKeyCredentials(row.id))?.credentials.apiKey).toBe(`sk-${row.slug}-secret`);
    }
    expect((await getVirtualKeyCredentials(empty.id))?.credentials.apiKey).toBe("");

    // Idempotent: a second start leaves the converted rows as they are.
    const converted = await db.virtualKey.findMany({ orderBy: { id: "asc" } });
    await runStartupTasks(() => undefined);
    expect(await db.virtualKey.findMany({ orderBy: { id: "asc" } })).toEqual(converted);

    // Bound to the row: the first key's ciphertext on the second key's row does not decrypt.
    await db.virtualKey.update({ where: { id: rows[1].id }, data: { encryptedSecret: converted.find((r) => r.id === rows[0].id)!.encryptedSecret } });
    await bumpPromptCacheGeneration();
    await expect(getVirtualKeyCredentials(rows[1].id)).rejects.toThrow(/could not be decrypted/);
  });
});
