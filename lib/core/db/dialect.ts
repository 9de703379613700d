/**
 * Which database a DATABASE_URL names. The URL alone decides, so that switching from the
 * embedded SQLite file to PostgreSQL needs nothing but a new DATABASE_URL:
 * `file:...` (or unset) is SQLite, `postgres://` / `postgresql://` is PostgreSQL.
 * Shared by the app (lib/core/db/index.ts), the Prisma CLI config and the scripts.
 */
export type DatabaseDialect = "sqlite" | "postgres";

export function databaseDialect(url: string | undefined): DatabaseDialect {
  if (!url || url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//i.test(url)) return "postgres";
  // Anything else is a typo or an unsupported database: say so rather than guess.
  throw new Error(`DATABASE_URL must start with file:, postgres:// or postgresql:// (got '${url.split(":")[0]}:...')`);
}

export function isPostgresUrl(url: string | undefined): boolean {
  return databaseDialect(url) === "postgres";
}

/** The URL with its password hidden, for logs. */
export function redactDatabaseUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]+:)[^@]*@/i, "$1****@");
}
