import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";

// Runs before each test file: a fresh SQLite file with every migration applied, named in
// DATABASE_URL before lib/core/db/index.ts is first imported, so tests never touch a real database.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "promptly-unit-"));
const file = path.join(dir, "test.db");
const sqlite = new Database(file);
const migrations = path.resolve(__dirname, "../../prisma/migrations");
for (const name of fs.readdirSync(migrations).sort()) {
  const sql = path.join(migrations, name, "migration.sql");
  if (fs.existsSync(sql)) sqlite.exec(fs.readFileSync(sql, "utf8"));
}
sqlite.close();
process.env.DATABASE_URL = `file:${file}`;
process.env.PROMPTLY_DATA_DIR = dir;
