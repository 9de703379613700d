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

const child = spawn(process.execPath, ["scripts/start.mjs"], { stdio: "inherit", env: process.env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
