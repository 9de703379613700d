import { Prisma } from "@/lib/generated/prisma/client";

/** True for Prisma's unique-constraint violation (P2002). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** True for a foreign-key violation (P2003), e.g. deleting a row something still uses. */
export function isForeignKeyViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003";
}

/**
 * Runs `attempt` again when it hits a unique-constraint conflict: version numbers and
 * slugs are computed then inserted, and a concurrent writer (another process on the same
 * database) may take the same value in between. The unique index makes that an error
 * instead of a duplicate; retrying computes a fresh value.
 */
export async function retryOnUniqueViolation<T>(attempt: () => Promise<T>, attempts = 8): Promise<T> {
  for (let i = 1; ; i += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (i >= attempts || !isUniqueViolation(error)) throw error;
    }
  }
}

/**
 * Int columns (version numbers) are 32-bit: Prisma rejects a larger number as a query
 * error, a 500, so a number from a URL or body is checked first and simply matches nothing.
 */
export const MAX_INT = 2_147_483_647;
export const fitsInt = (n: number) => Number.isSafeInteger(n) && Math.abs(n) <= MAX_INT;

/** A value for a nullable Json column: `null` must be spelled DbNull in Prisma. */
export function jsonOrNull(value: unknown): Prisma.InputJsonValue | typeof Prisma.DbNull {
  return value === null || value === undefined ? Prisma.DbNull : (value as Prisma.InputJsonValue);
}

/** Prisma's skip/take for Portkey's 0-based `current_page` and `page_size`. */
export function pageArgs(query: { current_page: number; page_size: number }) {
  return { skip: query.current_page * query.page_size, take: query.page_size };
}
