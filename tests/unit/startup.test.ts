import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { runStartupTasks } from "@/lib/startup";

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
