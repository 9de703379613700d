// Moving an install between databases (e.g. from the SQLite file to PostgreSQL), with every
// table's row count checked on both sides. Stop Promptly first: a write during the move
// makes the counts differ, and the command says so.
//
//   npm run db:export -- FILE          DATABASE_URL's data → FILE (JSON lines)
//   npm run db:import -- FILE          FILE → DATABASE_URL (migrated here; must be empty)
//   npm run db:migrate-to -- URL       DATABASE_URL's data → URL directly (migrated; empty)
//
// Everything moves: users, accounts and sessions, API keys (hashes only; keys are never
// stored), collections, prompts with versions and labels, partials, virtual keys (secrets
// stay encrypted: run the new install with the same PROMPTLY_SECRET_KEY or secret.key) and
// completion logs.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { createPrismaClient, type PrismaClient } from "../lib/core/db";
import { databaseDialect, redactDatabaseUrl } from "../lib/core/db/dialect";
import { readExportFile, readTrailer, writeExportFile } from "../lib/db-transfer/export-file";
import { assertSameCounts, copyDatabase, countRows, readDatabase, TransferError, writeDatabase, type Counts } from "../lib/db-transfer/transfer";

const root = path.resolve(__dirname, "..");
const [command, arg] = process.argv.slice(2);
const databaseUrl = process.env.DATABASE_URL || "file:./promptly.db";
const clients: PrismaClient[] = [];

function client(url: string): PrismaClient {
  const created = createPrismaClient(url);
  clients.push(created);
  return created;
}

/** The target gets the schema of its own dialect, as `npm start` would give it. */
function migrate(url: string): void {
  console.log(`▶ applying migrations to ${redactDatabaseUrl(url)}`);
  const result = spawnSync(path.join(root, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], { cwd: root, stdio: "inherit", env: { ...process.env, DATABASE_URL: url } });
  if (result.status !== 0) throw new TransferError("prisma migrate deploy failed on the target");
}

function report(verb: string, counts: Counts): void {
  const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
  for (const [model, count] of Object.entries(counts)) console.log(`  ${model.padEnd(16)} ${count}`);
  console.log(`✔ ${verb} ${total} rows; counts checked.`);
}

async function main(): Promise<void> {
  databaseDialect(databaseUrl); // a bad URL fails here, before anything is written
  if (command === "export" && arg) {
    const source = client(databaseUrl);
    const before = await countRows(source);
    const exported = await writeExportFile(arg, readDatabase(source), { source: databaseDialect(databaseUrl) });
    assertSameCounts({ database: before, exported, "database after": await countRows(source) });
    return report(`exported ${redactDatabaseUrl(databaseUrl)} to ${arg}:`, exported);
  }
  if (command === "import" && arg) {
    const promised = readTrailer(arg); // a truncated file is refused before anything is written
    migrate(databaseUrl);
    const target = client(databaseUrl);
    const { batches } = readExportFile(arg);
    const imported = await writeDatabase(target, batches);
    assertSameCounts({ file: promised, imported, database: await countRows(target) });
    return report(`imported ${arg} into ${redactDatabaseUrl(databaseUrl)}:`, imported);
  }
  if (command === "migrate-to" && arg) {
    databaseDialect(arg);
    if (arg === databaseUrl) throw new TransferError("The target is DATABASE_URL itself");
    migrate(arg);
    const copied = await copyDatabase(client(databaseUrl), client(arg));
    return report(`copied ${redactDatabaseUrl(databaseUrl)} to ${redactDatabaseUrl(arg)}:`, copied);
  }
  console.error("usage: npm run db:export -- FILE | npm run db:import -- FILE | npm run db:migrate-to -- DATABASE_URL");
  process.exitCode = 2;
}

main()
  .catch((error: Error) => {
    console.error(`✖ ${error instanceof TransferError ? error.message : (error.stack ?? error.message)}`);
    process.exitCode = 1;
  })
  .finally(() => Promise.all(clients.map((c) => c.$disconnect())));
