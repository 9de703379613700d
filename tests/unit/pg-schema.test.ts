import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { modelsOf, PG_SCHEMA, SQLITE_SCHEMA, toPostgresSchema } from "../../scripts/generate-pg-schema.mjs";

// One source of truth for the models (prisma/schema.prisma, SQLite), one migration set per
// dialect. These tests fail when the generated PostgreSQL schema is stale or its models
// differ, when a migration lacks its twin in the other dialect, or (with a database at
// hand) when a dialect's migrations don't produce its schema.
const root = path.resolve(__dirname, "../..");
const read = (file: string) => fs.readFileSync(file, "utf8");
const folders = (dir: string) =>
  fs
    .readdirSync(path.join(root, dir))
    .filter((name) => fs.statSync(path.join(root, dir, name)).isDirectory())
    .sort();

function migrationsProduceSchema(databaseUrl: string) {
  const result = spawnSync(
    path.join(root, "node_modules/.bin/prisma"),
    ["migrate", "diff", "--from-migrations", databaseUrl.startsWith("file:") ? "prisma/migrations" : "prisma/postgres/migrations", "--to-schema-datamodel", databaseUrl.startsWith("file:") ? "prisma/schema.prisma" : "prisma/postgres/schema.prisma", "--exit-code"],
    { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: "utf8" },
  );
  // --exit-code: 0 when the migrations yield the schema, 2 when they differ (with the diff).
  const output = `${result.stdout}\n${result.stderr}`;
  // The log search's FTS5 table (and the shadow tables FTS5 makes for it) is raw SQL in the
  // SQLite migration that schema.prisma can't express: the only difference allowed.
  const removed = /\[-\] Removed tables\n((?:\s+- \w+\n?)+)/.exec(result.stdout)?.[1];
  const onlyFts = removed !== undefined && result.stdout.replace(/\[-\] Removed tables\n(?:\s+- \w+\n?)+/, "").trim() === "" && removed.split("\n").filter(Boolean).every((line) => /^\s+- completion_log_fts(_\w+)?$/.test(line));
  return { status: result.status === 2 && onlyFts ? 0 : result.status, output };
}

describe("the PostgreSQL schema, generated from the SQLite one", () => {
  it("is up to date (run node scripts/generate-pg-schema.mjs after changing prisma/schema.prisma)", () => {
    expect(read(PG_SCHEMA)).toBe(toPostgresSchema(read(SQLITE_SCHEMA)));
  });

  it("has exactly the same models, native column types aside", () => {
    const sqlite = modelsOf(read(SQLITE_SCHEMA));
    expect(Object.keys(sqlite).length).toBeGreaterThan(10);
    expect(modelsOf(read(PG_SCHEMA))).toEqual(sqlite);
  });

  it("would catch a model that differs", () => {
    const changed = read(PG_SCHEMA).replace(/(model Prompt \{[^}]*)name(\s+)String/, "$1name$2Int");
    expect(modelsOf(changed)).not.toEqual(modelsOf(read(SQLITE_SCHEMA)));
  });

  it("has a PostgreSQL migration for every SQLite migration, under the same name", () => {
    expect(folders("prisma/postgres/migrations")).toEqual(folders("prisma/migrations"));
    expect(read(path.join(root, "prisma/postgres/migrations/migration_lock.toml"))).toContain('provider = "postgresql"');
  });

  it("keeps JSON as written on PostgreSQL (json, not jsonb), like SQLite's TEXT", () => {
    expect(read(PG_SCHEMA)).toMatch(/parameters\s+Json @db\.Json/);
  });
});

describe("each dialect's migrations produce its schema", { timeout: 120_000 }, () => {
  it("SQLite", () => {
    // The test file's own throwaway database (tests/unit/setup-db.ts): the CLI opens it, but
    // replays the migrations into an in-memory shadow database.
    const { status, output } = migrationsProduceSchema(process.env.DATABASE_URL as string);
    expect(status, output).toBe(0);
  });

  const pg = process.env.TEST_DATABASE_URL;
  it.skipIf(!pg)("PostgreSQL (TEST_DATABASE_URL; uses a temporary shadow database)", () => {
    const { status, output } = migrationsProduceSchema(pg as string);
    expect(status, output).toBe(0);
  });
});
