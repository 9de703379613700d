import { db } from "@/lib/core/db";

/** A fresh install has no user yet: every page sends the visitor to /setup. */
export async function needsSetup(): Promise<boolean> {
  return (await db.user.count()) === 0;
}
