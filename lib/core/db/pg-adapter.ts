import { PrismaPg } from "@prisma/adapter-pg";
import type { PoolConfig, QueryResult } from "pg";

type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;
type Queryable = Adapter | Transaction;

// PostgreSQL's "char" (18) and name (19) types: only the catalog queries of the schema
// engine (migrate deploy / dev / diff) return them.
const CATALOG_TEXT_TYPES = new Set([18, 19]);
const TEXT_TYPE = 25;

/**
 * @prisma/adapter-pg 6.19.3 under Prisma's JavaScript schema engine, with the three fixes
 * shared/stack-notes.md lists, for the app (lib/core/db/index.ts) and the CLI (prisma.config.ts):
 * - columns of types 18/19 are reported as text, else migrations fail with "Column type
 *   'name' could not be deserialized" (pg already hands their values over as strings);
 * - the pool is configured by fields, never by connection string: the shadow database
 *   pool is built as `{ ...config, database }`, and a connectionString would win over
 *   that `database`, pointing `migrate dev` at the real database;
 * - the CLI uses a short idle timeout, else every command hangs ~10 s on idle clients.
 */
class PromptlyPgAdapterFactory extends PrismaPg {
  override async connect(): Promise<Adapter> {
    return withCatalogTypesAsText(await super.connect());
  }

  override async connectToShadowDb(): Promise<Adapter> {
    return withCatalogTypesAsText(await super.connectToShadowDb());
  }
}

function withCatalogTypesAsText(adapter: Adapter): Adapter {
  patchResultTypes(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => patchResultTypes(await startTransaction(isolationLevel));
  return adapter;
}

// performIO is the adapter's one private path to the database (queries, transactions):
// rewriting the field types it returns is the smallest fix that reaches every query.
function patchResultTypes<T extends Queryable>(queryable: T): T {
  const target = queryable as unknown as { performIO: (query: unknown) => Promise<QueryResult> };
  const performIO = target.performIO.bind(target);
  target.performIO = async (query) => {
    const result = await performIO(query);
    for (const field of result.fields ?? []) {
      if (CATALOG_TEXT_TYPES.has(field.dataTypeID)) field.dataTypeID = TEXT_TYPE;
    }
    return result;
  };
  return queryable;
}

export interface PgConnectionOptions {
  /** The Prisma CLI: close idle connections at once so that commands exit promptly. */
  cli?: boolean;
}

/**
 * pg's pool settings from a postgres:// URL, split into fields (see above). Understood
 * query parameters: `sslmode` (disable | require | verify-ca | verify-full), `host` (a
 * Unix socket folder), `schema` (Prisma's convention; default public) and
 * `connection_limit` (pool size, default 10).
 */
export function pgPoolConfig(url: string, options: PgConnectionOptions = {}): PoolConfig & { schema?: string } {
  const parsed = new URL(url);
  const param = (name: string) => parsed.searchParams.get(name) ?? undefined;
  const sslmode = param("sslmode");
  const schema = param("schema");
  const limit = Number(param("connection_limit"));
  return {
    host: param("host") ?? (decodeURIComponent(parsed.hostname).replace(/^\[(.*)\]$/, "$1") || "localhost"),
    port: parsed.port ? Number(parsed.port) : 5432,
    user: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    database: decodeURIComponent(parsed.pathname.replace(/^\//, "")) || undefined,
    ssl: !sslmode || sslmode === "disable" || sslmode === "prefer" ? undefined : { rejectUnauthorized: sslmode === "verify-ca" || sslmode === "verify-full" },
    max: Number.isInteger(limit) && limit > 0 ? limit : 10,
    idleTimeoutMillis: options.cli ? 100 : 10_000,
    // A database that can't be reached should fail a request, not hang it.
    connectionTimeoutMillis: 10_000,
    ...(schema ? { schema, options: `-c search_path="${schema.replace(/"/g, "")}"` } : {}),
  };
}

export function createPgAdapter(url: string, options: PgConnectionOptions = {}): PrismaPg {
  const { schema, ...pool } = pgPoolConfig(url, options);
  return new PromptlyPgAdapterFactory(pool, {
    schema,
    // An idle connection dropped by the server (restart, failover) is replaced by the pool
    // on next use; say so instead of crashing the process.
    onPoolError: (error) => console.error("[promptly] PostgreSQL pool error:", error.message),
  });
}
