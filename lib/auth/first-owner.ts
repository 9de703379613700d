import { db } from "@/lib/core/db";
import { isUniqueViolation } from "@/lib/prompts/db-helpers";

/** How long a claim whose account never appeared (its sign-up failed after claiming) holds. */
const STALE_CLAIM_MS = 60_000;

/**
 * True for exactly one sign-up on a fresh install: the owner. Counting users alone races (two
 * concurrent sign-ups both count zero), so the first also inserts the one row of owner_claim;
 * its primary key lets a single insert win, on SQLite and PostgreSQL alike.
 */
export async function claimFirstOwner(email: string, now = new Date()): Promise<boolean> {
  if ((await db.user.count()) > 0) return false;
  try {
    await db.ownerClaim.create({ data: { id: 1, email: email.trim().toLowerCase(), createdAt: now } });
    return true;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  const retaken = await db.ownerClaim.updateMany({
    where: { id: 1, createdAt: { lt: new Date(now.getTime() - STALE_CLAIM_MS) } },
    data: { email: email.trim().toLowerCase(), createdAt: now },
  });
  return retaken.count > 0 && (await db.user.count()) === 0;
}
