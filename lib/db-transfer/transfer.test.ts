import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, db, type PrismaClient } from "@/lib/core/db";
import { pgPoolConfig } from "@/lib/core/db/pg-adapter";
import { Prisma } from "@/lib/generated/prisma/client";
import { readExportFile, readTrailer, writeExportFile } from "./export-file";
import { delegate, modelNames, primaryKey, TRANSFER_ORDER } from "./models";
import { assertSameCounts, copyDatabase, countRows, readDatabase, writeDatabase } from "./transfer";

// The move between databases: SQLite → file → SQLite, SQLite → SQLite directly and, with
// TEST_DATABASE_URL, SQLite → PostgreSQL (into a schema of its own, dropped afterwards).
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "promptly-transfer-"));
const targets: PrismaClient[] = [];

function emptyDatabase(name: string): PrismaClient {
  const file = path.join(dir, `${name}.db`);
  const sqlite = new Database(file);
  const migrations = path.resolve(__dirname, "../../prisma/migrations");
  for (const folder of fs.readdirSync(migrations).sort()) {
    const sql = path.join(migrations, folder, "migration.sql");
    if (fs.existsSync(sql)) sqlite.exec(fs.readFileSync(sql, "utf8"));
  }
  sqlite.close();
  const client = createPrismaClient(`file:${file}`);
  targets.push(client);
  return client;
}

async function everything(client: PrismaClient) {
  const all: Record<string, unknown[]> = {};
  for (const model of TRANSFER_ORDER) {
    all[model] = await delegate(client, model).findMany({ orderBy: primaryKey(model).map((field) => ({ [field]: "asc" })) });
  }
  return all;
}

beforeAll(async () => {
  const past = new Date("2025-03-04T05:06:07.089Z");
  const user = await db.user.create({ data: { id: "u1", name: "Olive", email: "o@x.test", createdAt: past, updatedAt: past } });
  await db.account.create({ data: { id: "a1", accountId: "u1", providerId: "credential", userId: user.id, password: "scrypt-hash", updatedAt: past } });
  await db.session.create({ data: { id: "s1", token: "tok", userId: user.id, expiresAt: past, updatedAt: past } });
  await db.verification.create({ data: { id: "v1", identifier: "i", value: "v", expiresAt: past, updatedAt: past } });
  await db.apiKey.create({ data: { name: "k", prefix: "pk-1", hash: "ab".repeat(32), userId: user.id, lastUsedAt: past } });
  // The child's id sorts before its parent's: rows arrive in an order a foreign key refuses.
  const parent = await db.collection.create({ data: { id: "z-parent", slug: "parent", name: "Parent", isDefault: true, updatedAt: past } });
  await db.collection.create({ data: { id: "a-child", slug: "child", name: "Child", parentId: parent.id, updatedAt: past } });
  const key = await db.virtualKey.create({ data: { slug: "vk", name: "VK", provider: "openai", encryptedSecret: "v1:iv:tag:ct", maskedKey: "sk-****", options: { deployments: [1, 2] } } });
  for (let p = 0; p < 3; p++) {
    const prompt = await db.prompt.create({ data: { slug: `pp-p${p}`, name: `P${p}`, collectionId: parent.id, settings: p ? { retry: { attempts: p } } : Prisma.DbNull, updatedAt: past } });
    const versions = [];
    for (let v = 1; v <= 3; v++) {
      versions.push(
        await db.promptVersion.create({
          data: { promptId: prompt.id, version: v, template: `t${v}`, parameters: { z: 1, a: v }, tools: v === 2 ? [{ type: "function" }] : Prisma.DbNull, toolChoice: "auto", virtualKeyId: key.id },
        }),
      );
    }
    await db.prompt.update({ where: { id: prompt.id }, data: { publishedVersionId: versions[1].id, updatedAt: past } });
    const label = await db.label.upsert({ where: { name: "production" }, create: { name: "production", isSystem: true }, update: {} });
    await db.promptLabel.create({ data: { promptId: prompt.id, labelId: label.id, versionId: versions[2].id } });
  }
  const partial = await db.partial.create({ data: { slug: "footer", name: "Footer" } });
  const pv = await db.partialVersion.create({ data: { partialId: partial.id, version: 1, template: "bye" } });
  await db.partial.update({ where: { id: partial.id }, data: { publishedVersionId: pv.id } });
  // More logs than one page, to cross page boundaries.
  await db.completionLog.createMany({
    data: Array.from({ length: 1234 }, (_, i) => ({ traceId: `t${i}`, status: "success", request: { i }, variables: i % 2 ? { x: "y" } : Prisma.DbNull, searchText: i % 100 ? null : `row ${i}` })),
  });
  await db.logExport.create({ data: { filters: { ai_model: "gpt-4o" }, requestedData: ["id", "cost"], status: "success", totalRecords: 3, snapshotAt: past } });
}, 60_000);

afterAll(async () => {
  await Promise.all(targets.map((client) => client.$disconnect()));
  fs.rmSync(dir, { recursive: true, force: true });
});

// Generous timeouts: thousands of rows on a busy CI machine.
describe("moving an install between databases", { timeout: 60_000 }, () => {
  it("knows every model of the schema", () => {
    expect([...TRANSFER_ORDER].sort()).toEqual(modelNames(db).sort());
  });

  it("exports to a file and imports it back identically, counts checked", async () => {
    const file = path.join(dir, "export.jsonl");
    const exported = await writeExportFile(file, readDatabase(db));
    expect(exported.CompletionLog).toBe(1234);
    expect(exported).toEqual(await countRows(db));
    expect(readTrailer(file)).toEqual(exported);

    const target = emptyDatabase("imported");
    const imported = await writeDatabase(target, readExportFile(file).batches);
    assertSameCounts({ file: readTrailer(file), imported, database: await countRows(target) });
    expect(await everything(target)).toEqual(await everything(db));
  });

  it("copies one database into another directly", async () => {
    const target = emptyDatabase("copied");
    const copied = await copyDatabase(db, target);
    expect(copied.PromptVersion).toBe(9);
    expect(await everything(target)).toEqual(await everything(db));
  });

  it("refuses a target that already holds data", async () => {
    const target = emptyDatabase("busy");
    await target.label.create({ data: { name: "mine" } });
    await expect(copyDatabase(db, target)).rejects.toThrow(/not empty \(Label 1\)/);
  });

  it("refuses a truncated export before writing anything", async () => {
    const file = path.join(dir, "export.jsonl");
    const cut = path.join(dir, "cut.jsonl");
    const text = fs.readFileSync(file, "utf8");
    fs.writeFileSync(cut, text.slice(0, Math.floor(text.length / 2)));
    expect(() => readTrailer(cut)).toThrow(/incomplete/);
  });

  it("names the models whose counts differ", () => {
    const counts = { ...Object.fromEntries(TRANSFER_ORDER.map((m) => [m, 1])) } as Parameters<typeof assertSameCounts>[0][string];
    expect(() => assertSameCounts({ source: counts, target: { ...counts, Prompt: 2 } })).toThrow(/Prompt: source 1, target 2/);
  });
});

const pgUrl = process.env.TEST_DATABASE_URL;
describe.skipIf(!pgUrl)("moving an install to PostgreSQL (TEST_DATABASE_URL)", { timeout: 60_000 }, () => {
  it("copies every row into an empty PostgreSQL schema with its migrations applied, counts checked", async () => {
    const schema = `transfer_${Date.now().toString(36)}`;
    const url = new URL(pgUrl as string);
    url.searchParams.set("schema", schema);
    const admin = new pg.Client(pgPoolConfig(pgUrl as string));
    await admin.connect();
    try {
      await admin.query(`CREATE SCHEMA "${schema}"`);
      // The PostgreSQL migrations, as `prisma migrate deploy` applies them, into that schema.
      const migrations = path.resolve(__dirname, "../../prisma/postgres/migrations");
      const inSchema = new pg.Client(pgPoolConfig(url.toString()));
      await inSchema.connect();
      for (const folder of fs.readdirSync(migrations).sort()) {
        const sql = path.join(migrations, folder, "migration.sql");
        if (fs.existsSync(sql)) await inSchema.query(fs.readFileSync(sql, "utf8"));
      }
      await inSchema.end();
      const target = createPrismaClient(url.toString());
      targets.push(target);
      const copied = await copyDatabase(db, target);
      expect(copied).toEqual(await countRows(db));
      expect(copied.CompletionLog).toBe(1234);
      expect(await everything(target)).toEqual(await everything(db));
    } finally {
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.end();
    }
  });
});
