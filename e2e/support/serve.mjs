// Starts `npm start`'s script on a fresh database: every e2e run begins from a new install.
// SQLite: the data folder (and its database file) is deleted. PostgreSQL: the schema is
// dropped and recreated, so migrations run from scratch as on a new server.
import fs from "node:fs";
import { spawn } from "node:child_process";
import pg from "pg";

const dir = process.env.PROMPTLY_DATA_DIR;
if (!dir) throw new Error("PROMPTLY_DATA_DIR must be set");
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });

const url = process.env.DATABASE_URL ?? "";
if (/^postgres(ql)?:\/\//i.test(url)) {
  const schema = (new URL(url).searchParams.get("schema") || "public").replace(/"/g, "");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.query(`CREATE SCHEMA "${schema}"`);
  await client.end();
}

// Several suites (npm test runs them side by side) or developers' runs may start at once:
// one builds, under a lock, and the others find the build current instead of building the
// same .next concurrently.
await buildOnce();

const child = spawn(process.execPath, ["scripts/start.mjs"], { stdio: "inherit", env: process.env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));

async function buildOnce() {
  const lock = ".next-build.lock";
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
      // A lock left by a killed run: older than any build takes.
      if (Date.now() - fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs > 15 * 60_000) fs.rmSync(lock, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  let code;
  try {
    code = await new Promise((resolve) => spawn(process.execPath, ["scripts/start.mjs", "--build-only"], { stdio: "inherit", env: process.env }).on("exit", resolve));
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
  if (code !== 0) process.exit(code ?? 1);
}
