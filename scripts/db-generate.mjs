#!/usr/bin/env node
// `npm run db:generate` (also postinstall, build, start and test): generates BOTH Prisma
// clients, lib/generated/prisma (SQLite) and lib/generated/prisma-pg (PostgreSQL), so that
// one build serves either database. prisma.config.ts picks the schema from DATABASE_URL,
// hence one run per dialect with a URL of that dialect (generate never connects).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const prisma = path.join(root, "node_modules", ".bin", "prisma");
const DIALECT_URLS = { sqlite: "file:./promptly.db", postgres: "postgresql://localhost/promptly" };

// A stale generated PG schema would give a client whose models differ: say so (the unit
// test fails on it too), but don't fail an install over it.
spawnSync(process.execPath, [path.join(root, "scripts/generate-pg-schema.mjs"), "--check"], { cwd: root, stdio: "inherit" });

for (const [dialect, url] of Object.entries(DIALECT_URLS)) {
  const result = spawnSync(prisma, ["generate"], { cwd: root, stdio: "inherit", env: { ...process.env, DATABASE_URL: url } });
  if (result.status !== 0) {
    console.error(`[promptly] prisma generate (${dialect}) failed`);
    process.exit(result.status || 1);
  }
}
