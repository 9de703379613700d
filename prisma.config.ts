import { defineConfig } from "prisma/config";
import { createSqliteAdapter, DEFAULT_DATABASE_URL } from "./lib/core/db/adapter";
import { isPostgresUrl } from "./lib/core/db/dialect";
import { createPgAdapter } from "./lib/core/db/pg-adapter";

// The schema's datasource reads DATABASE_URL; unset, the CLI would fall back to
// downloading a native engine, so give it the same default as the app.
process.env.DATABASE_URL ||= DEFAULT_DATABASE_URL;
const url = process.env.DATABASE_URL;

// Prisma 6.19 with the JavaScript schema engine: the CLI (migrate deploy, db push...)
// talks to the database through the same driver adapter as the app, so no native engine
// is ever downloaded. DATABASE_URL picks the dialect, hence the schema and migration set:
// prisma/schema.prisma + prisma/migrations for SQLite, the generated
// prisma/postgres/schema.prisma + prisma/postgres/migrations for PostgreSQL.
const postgres = isPostgresUrl(url);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: postgres ? "prisma/postgres/schema.prisma" : "prisma/schema.prisma",
  migrations: { path: postgres ? "prisma/postgres/migrations" : "prisma/migrations" },
  async adapter() {
    return postgres ? createPgAdapter(url, { cli: true }) : createSqliteAdapter(url);
  },
});
