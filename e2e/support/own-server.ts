import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { heapFlag } from "../../scripts/heap-cap.mjs";
import { E2E } from "./env";

/**
 * A Promptly server of a test's own, on its own database, for tests that kill or stop it
 * (the shared web server must survive the suite). It serves the build the shared server
 * made with the server `npm start` runs (scripts/server.mjs, heap capped the same way), not
 * scripts/start.mjs, which would rebuild (for a minute, in the shared .next) whenever a
 * source file changed since.
 */
export interface OwnServer {
  baseUrl: string;
  dbFile: string;
  process: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Signals the whole process group; resolves once the server process has exited. */
  stop(signal: NodeJS.Signals, timeoutMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Applies the migrations as tests/unit/setup-db.ts does: no Prisma CLI start-up per test. */
export function migrate(dbFile: string) {
  const sqlite = new Database(dbFile);
  const dir = path.resolve("prisma/migrations");
  for (const name of fs.readdirSync(dir).sort()) {
    const sql = path.join(dir, name, "migration.sql");
    if (fs.existsSync(sql)) sqlite.exec(fs.readFileSync(sql, "utf8"));
  }
  sqlite.close();
}

/** `extraEnv` adds to or overrides the server's environment (a limit under test, say). */
export async function startOwnServer(port: number, dataDir: string, extraEnv: Record<string, string> = {}): Promise<OwnServer> {
  fs.mkdirSync(dataDir, { recursive: true });
  const dbFile = path.join(dataDir, "own.db");
  if (!fs.existsSync(dbFile)) migrate(dbFile);
  const env = { ...process.env, ...E2E.serverEnv, PORT: String(port), DATABASE_URL: `file:${dbFile}`, PROMPTLY_DATA_DIR: dataDir, ...extraEnv };
  const log = fs.openSync(path.join(dataDir, "server.log"), "a");
  const entry = path.resolve("scripts/server.mjs");
  const heap = heapFlag();
  // detached: its own process group, so a kill reaches every process it started.
  const child = spawn(process.execPath, [heap, entry], { env: { ...env, HOST: "127.0.0.1" }, detached: true, stdio: ["ignore", log, log] });
  fs.closeSync(log);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  const server: OwnServer = {
    baseUrl,
    dbFile,
    process: child,
    exited,
    async stop(signal, timeoutMs = 15_000) {
      if (child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(-child.pid!, signal);
        } catch {
          // already gone
        }
      }
      const timer = setTimeout(() => child.exitCode === null && process.kill(-child.pid!, "SIGKILL"), timeoutMs);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };
  await waitForHealth(baseUrl, child, 60_000).catch(async (error) => {
    await server.stop("SIGKILL");
    throw new Error(`${(error as Error).message}; see ${path.join(dataDir, "server.log")}`);
  });
  return server;
}

async function waitForHealth(baseUrl: string, child: ChildProcess, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`own server exited with ${child.exitCode}`);
    const ok = await fetch(`${baseUrl}/api/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`own server not healthy after ${timeoutMs} ms`);
}

/** Opens the database read-only (the server must be down) and runs `PRAGMA integrity_check`. */
export function integrityCheck(dbFile: string): string {
  const sqlite = new Database(dbFile, { readonly: true });
  try {
    return (sqlite.pragma("integrity_check", { simple: true }) as string) ?? "";
  } finally {
    sqlite.close();
  }
}

export function readRows<T>(dbFile: string, sql: string, ...params: unknown[]): T[] {
  const sqlite = new Database(dbFile, { readonly: true });
  try {
    return sqlite.prepare(sql).all(...params) as T[];
  } finally {
    sqlite.close();
  }
}

/**
 * For a server of a test's own when the suite runs on PostgreSQL (E2E_DATABASE_URL): the
 * same database, in a schema of its own, emptied and migrated; pass the result to
 * startOwnServer's extraEnv. On SQLite: nothing (the server's own file is migrated anyway).
 */
export async function ownPostgresSchema(name: string): Promise<Record<string, string>> {
  if (!/^postgres(ql)?:\/\//i.test(E2E.databaseUrl)) return {};
  const schema = name.replace(/[^a-z0-9_]/gi, "_").toLowerCase();
  const url = new URL(E2E.databaseUrl);
  url.searchParams.set("schema", schema);
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: E2E.databaseUrl });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.query(`CREATE SCHEMA "${schema}"`);
  await client.end();
  const { spawnSync } = await import("node:child_process");
  const deploy = spawnSync(process.execPath, [path.resolve("node_modules/prisma/build/index.js"), "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: url.toString() },
    encoding: "utf8",
  });
  if (deploy.status !== 0) throw new Error(`migrate deploy for schema ${schema}: ${deploy.stderr || deploy.stdout}`);
  return { DATABASE_URL: url.toString() };
}
