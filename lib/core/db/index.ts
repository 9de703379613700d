import { PrismaClient } from "@/lib/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@/lib/generated/prisma-pg/client";
import { createSqliteAdapter } from "./adapter";
import { databaseDialect } from "./dialect";
import { createPgAdapter } from "./pg-adapter";
import { postgresCompat } from "./pg-compat";
import { releaseDebugHistory } from "./debug-history";
import { runtimeSlot } from "@/lib/core/runtime";

/**
 * DATABASE_URL picks the database: `file:` → SQLite, `postgres(ql)://` → PostgreSQL.
 * Both clients are generated from the same models (prisma/postgres/schema.prisma is
 * generated from prisma/schema.prisma and a unit test checks it), so they expose the same
 * model API; the code base is typed against the SQLite client, and the PostgreSQL one is
 * cast to that type. The cast hides only what PostgreSQL adds (e.g. `mode: "insensitive"`),
 * which the shared code therefore can't use by accident; what PostgreSQL does differently
 * (case-sensitive LIKE, no NUL in text) is evened out in db-pg-compat.ts. Errors (P2002...),
 * Prisma.sql, Prisma.join and Prisma.DbNull come from the one runtime both clients share.
 */
export function createPrismaClient(url = process.env.DATABASE_URL): PrismaClient {
  if (databaseDialect(url) === "postgres") {
    const client = new PostgresPrismaClient({ adapter: createPgAdapter(url as string), transactionOptions: TRANSACTION_OPTIONS });
    return client.$extends(postgresCompat) as unknown as PrismaClient;
  }
  return new PrismaClient({ adapter: createSqliteAdapter(url), transactionOptions: TRANSACTION_OPTIONS });
}

/**
 * Saves of one prompt are serialized on purpose (each locks the prompt's row, see
 * lib/prompts/update.ts), so under a burst a save queues behind the others, across every
 * instance on PostgreSQL, holding a pooled connection while it waits. Prisma's defaults
 * (2 s to start, 5 s to finish) turned a burst of 64 saves on two busy instances into
 * P2028 errors; these limits only guard against a stuck transaction, they are no latency
 * target.
 */
const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 30_000 };

// The one Prisma client of the process, in a runtime slot: in dev, Next re-evaluates modules on
// every hot reload, and in production the custom server's fast routes (server/) carry their
// own bundled copy of lib/ beside Next's; either way one process must hold one client (one
// connection pool, one SQLite handle).
export const db: PrismaClient = runtimeSlot("prisma", () => createPrismaClient());

// What Prisma's debug histories hold is released every second (debug-history.ts says why),
// so what a burst wrote is freed once the burst is over.
runtimeSlot("prisma-debug-history", () => setInterval(releaseDebugHistory, 1_000).unref());

export { releaseDebugHistory };
export type { PrismaClient };
