import { defineConfig } from "prisma/config";
import { createSqliteAdapter, DEFAULT_DATABASE_URL } from "./lib/db-adapter";

// The schema's datasource reads DATABASE_URL; unset, the CLI would fall back to
// downloading a native engine, so give it the same default as the app.
process.env.DATABASE_URL ||= DEFAULT_DATABASE_URL;

// Prisma 6.19 with the JavaScript schema engine: the CLI (migrate deploy, db push...)
// talks to SQLite through the same better-sqlite3 adapter as the app, so no native
// engine is ever downloaded.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  async adapter() {
    return createSqliteAdapter(process.env.DATABASE_URL);
  },
});
