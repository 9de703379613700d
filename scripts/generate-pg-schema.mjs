#!/usr/bin/env node
// prisma/schema.prisma (SQLite) is the one source of truth for the models. Prisma fixes the
// provider per schema file, so the PostgreSQL schema is GENERATED from it here, never
// edited by hand; tests/unit/pg-schema.test.ts fails when it is stale or its models differ.
//
//   TEST_DATABASE_URL=postgresql://... node scripts/generate-pg-schema.mjs
//       rewrites prisma/postgres/schema.prisma and, when its models changed, adds the PG
//       migration (the CLI connects to that database but writes nothing to it)
//   node scripts/generate-pg-schema.mjs --check   exit 1 when the file is stale
//
// The PG migration is the diff between the previous and the new generated schema, named
// after the newest SQLite migration so that the two sets stay in step (the test checks it).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const SQLITE_SCHEMA = path.join(root, "prisma/schema.prisma");
export const PG_SCHEMA = path.join(root, "prisma/postgres/schema.prisma");
const SQLITE_MIGRATIONS = path.join(root, "prisma/migrations");
const PG_MIGRATIONS = path.join(root, "prisma/postgres/migrations");

const HEADER = `// GENERATED from prisma/schema.prisma by scripts/generate-pg-schema.mjs: do not edit.
// Change prisma/schema.prisma, then run \`node scripts/generate-pg-schema.mjs\`.
`;

/** The PostgreSQL schema for a SQLite schema's text. Pure: the unit test calls it too. */
export function toPostgresSchema(sqliteSchema) {
  let text = sqliteSchema;
  const swap = (from, to) => {
    if (!from.test(text)) throw new Error(`generate-pg-schema: ${from} not found in prisma/schema.prisma`);
    text = text.replace(from, to);
  };
  // The schema file moves one folder down and gets its own client.
  swap(/(output\s*=\s*)"\.\.\/lib\/generated\/prisma"/, '$1"../../lib/generated/prisma-pg"');
  swap(/(datasource db \{[^}]*provider\s*=\s*)"sqlite"/, '$1"postgresql"');
  // Json fields become `json`, not Prisma's default `jsonb`: json keeps the text as written
  // (key order, duplicates) exactly as SQLite's TEXT does, so settings and logs read back
  // the same on both databases. No query filters or indexes JSON, jsonb's only advantage.
  text = text.replace(/^([ \t]+\w+[ \t]+Json\??)(?=\s|$)(?![^\n]*@db\.)/gm, "$1 @db.Json");
  return HEADER + text;
}

/**
 * The models and enums of a schema, comments, native types (@db.*) and spacing aside:
 * what must be identical between the two dialects.
 */
export function modelsOf(schema) {
  const blocks = {};
  const text = schema.replace(/\/\/[^\n]*/g, "");
  for (const [, kind, name, body] of text.matchAll(/^(model|enum)\s+(\w+)\s*\{([^}]*)\}/gm)) {
    blocks[`${kind} ${name}`] = body
      .replace(/\s@db\.\w+(\([^)]*\))?/g, "")
      .split("\n")
      .map((line) => line.trim().replace(/\s+/g, " "))
      .filter(Boolean);
  }
  return blocks;
}

function migrationNames(dir) {
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => fs.statSync(path.join(dir, name)).isDirectory()).sort() : [];
}

// `prisma migrate diff` under the JS schema engine connects through the adapter even
// between two schema files, so it needs some PostgreSQL to talk to; nothing is written.
function diffDatabaseUrl() {
  const candidates = [process.env.TEST_DATABASE_URL, process.env.DATABASE_URL];
  const url = candidates.find((candidate) => /^postgres(ql)?:\/\//.test(candidate ?? ""));
  if (!url) throw new Error("Writing the PG migration needs a PostgreSQL to connect to (nothing is written to it): set TEST_DATABASE_URL=postgresql://...");
  return url;
}

function writePgMigration(previousSchema, nextSchema) {
  const missing = migrationNames(SQLITE_MIGRATIONS).filter((name) => !migrationNames(PG_MIGRATIONS).includes(name));
  const name = missing.at(-1);
  if (!name) throw new Error("The models changed but every SQLite migration already has a PG twin: create the SQLite migration first (prisma migrate dev).");
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "promptly-pg-schema-"));
  const from = path.join(tmp, "from.prisma");
  const to = path.join(tmp, "to.prisma");
  if (previousSchema) fs.writeFileSync(from, previousSchema);
  fs.writeFileSync(to, nextSchema);
  const dir = path.join(PG_MIGRATIONS, name);
  fs.mkdirSync(dir, { recursive: true });
  // `--output`, not a stdout redirect: the CLI's stdout also carries its own notices.
  const args = ["migrate", "diff", ...(previousSchema ? ["--from-schema-datamodel", from] : ["--from-empty"])];
  args.push("--to-schema-datamodel", to, "--script", "--output", path.join(dir, "migration.sql"));
  const env = { ...process.env, DATABASE_URL: diffDatabaseUrl() }; // also selects the PG config
  const result = spawnSync(path.join(root, "node_modules/.bin/prisma"), args, { cwd: root, env, stdio: "inherit" });
  fs.rmSync(tmp, { recursive: true, force: true });
  if (result.status !== 0) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`prisma migrate diff failed (exit ${result.status})`);
  }
  fs.writeFileSync(path.join(PG_MIGRATIONS, "migration_lock.toml"), '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n');
  console.log(`[promptly] wrote prisma/postgres/migrations/${name}/migration.sql`);
}

function main() {
  const next = toPostgresSchema(fs.readFileSync(SQLITE_SCHEMA, "utf8"));
  const previous = fs.existsSync(PG_SCHEMA) ? fs.readFileSync(PG_SCHEMA, "utf8") : null;
  if (process.argv.includes("--check")) {
    if (previous === next) return;
    console.error("prisma/postgres/schema.prisma is stale: run node scripts/generate-pg-schema.mjs");
    process.exit(1);
  }
  if (previous === next) return console.log("[promptly] prisma/postgres/schema.prisma is up to date");
  // The CLI needs the config's schema file in place (else it looks for a native engine),
  // so write it first, and put the old one back should the migration fail: a rerun retries.
  fs.mkdirSync(path.dirname(PG_SCHEMA), { recursive: true });
  fs.writeFileSync(PG_SCHEMA, next);
  try {
    // Comments alone need no migration.
    if (!previous || JSON.stringify(modelsOf(previous)) !== JSON.stringify(modelsOf(next))) writePgMigration(previous, next);
  } catch (error) {
    if (previous) fs.writeFileSync(PG_SCHEMA, previous);
    else fs.rmSync(PG_SCHEMA);
    throw error;
  }
  console.log("[promptly] wrote prisma/postgres/schema.prisma");
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
