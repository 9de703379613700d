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
    expect(lines.join("\n")).toMatch(/created a first API key .*pk-promptly-/);

    // Something a user made between the two starts must survive the second.
    await db.label.create({ data: { name: "qa" } });
    const afterEdit = await snapshot();
    await runStartupTasks((line) => lines.push(line));
    expect(await snapshot()).toEqual(afterEdit);
    expect(lines).toHaveLength(1);
  });
});
