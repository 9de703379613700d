import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { CacheTopic } from "./topics";
import { FileSignals, sqliteFileOf } from "./signal-file";

const started: FileSignals[] = [];
afterEach(() => Promise.all(started.splice(0).map((signals) => signals.stop())));

function watcher(file: string) {
  const heard: CacheTopic[] = [];
  const signals = new FileSignals(file, (topic) => heard.push(topic));
  signals.start();
  started.push(signals);
  return heard;
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  return check();
};

describe("SQLite's file signals", () => {
  it("reach every process watching the same database file, by topic, and no other", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "promptly-signals-"));
    const heard = watcher(path.join(dir, "app.db"));
    const otherDatabase = watcher(path.join(dir, "other.db"));
    // What the CLI does in its own process: write the signal once its change is committed.
    await new FileSignals(path.join(dir, "app.db"), () => undefined).publish("api-keys");
    expect(await until(() => heard.includes("api-keys"))).toBe(true);
    await new FileSignals(path.join(dir, "app.db"), () => undefined).publish("prompts");
    expect(await until(() => heard.includes("prompts"))).toBe(true);
    fs.writeFileSync(path.join(dir, "app.db-wal"), "not a signal");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(heard.every((topic) => topic === "api-keys" || topic === "prompts")).toBe(true);
    expect(otherDatabase).toEqual([]);
  });

  it("never fails a write: an unwritable folder only loses the signal", async () => {
    await expect(new FileSignals("/nonexistent/dir/app.db", () => undefined).publish("prompts")).resolves.toBeUndefined();
    const signals = new FileSignals("/nonexistent/dir/app.db", () => undefined);
    expect(() => signals.start()).not.toThrow();
  });

  it("finds the file of a SQLite URL", () => {
    expect(sqliteFileOf("file:./promptly.db")).toBe("./promptly.db");
    expect(sqliteFileOf("file:/var/lib/promptly/app.db?connection_limit=1")).toBe("/var/lib/promptly/app.db");
  });
});
