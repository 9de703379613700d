import { PrismaClient } from "./generated/prisma/client";
import { createSqliteAdapter } from "./db-adapter";

// The one Prisma client of the process. In dev, Next re-evaluates modules on every hot
// reload; keeping the client on globalThis stops each reload from opening a new
// connection.
const globalForPrisma = globalThis as unknown as { promptlyPrisma?: PrismaClient };

export function createPrismaClient(url = process.env.DATABASE_URL): PrismaClient {
  return new PrismaClient({ adapter: createSqliteAdapter(url) });
}

export const db: PrismaClient = globalForPrisma.promptlyPrisma ?? createPrismaClient();

if (process.env.NODE_ENV !== "production") globalForPrisma.promptlyPrisma = db;

export type { PrismaClient };
