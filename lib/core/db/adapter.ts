import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

export const DEFAULT_DATABASE_URL = "file:./promptly.db";

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;

// WAL lets readers run beside the writer; the busy timeout makes a writer wait for the
// lock instead of failing at once; foreign keys are off by default in SQLite.
const CONNECTION_PRAGMAS =
  "PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";

/**
 * The better-sqlite3 adapter, shared by the app (lib/core/db/index.ts) and the Prisma CLI
 * (prisma.config.ts), with two fixes:
 * - every connection gets the pragmas above;
 * - the shadow database that `migrate dev` replays migrations into runs argument-less SQL
 *   as a script, because better-sqlite3 refuses several statements in one prepared
 *   statement (P3006).
 */
class PromptlySqliteAdapter extends PrismaBetterSQLite3 {
  override async connect(): Promise<Adapter> {
    const adapter = await super.connect();
    await adapter.executeScript(CONNECTION_PRAGMAS);
    return adapter;
  }

  override async connectToShadowDb(): Promise<Adapter> {
    const adapter = await super.connectToShadowDb();
    const executeRaw = adapter.executeRaw.bind(adapter);
    adapter.executeRaw = async (query) => {
      if (query.args.length === 0) {
        await adapter.executeScript(query.sql);
        return 0;
      }
      return executeRaw(query);
    };
    return adapter;
  }
}

export function sqliteUrl(url: string | undefined): string {
  return url && url.length > 0 ? url : DEFAULT_DATABASE_URL;
}

export function createSqliteAdapter(url?: string): PrismaBetterSQLite3 {
  return new PromptlySqliteAdapter({ url: sqliteUrl(url), timeout: 5000 });
}
