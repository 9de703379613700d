import { db } from "@/lib/core/db";
import { costUsd } from "@/lib/costs/cost";
import { priceBook, priceFor } from "@/lib/costs/price-book";
import type { RecomputeCostsInput } from "./schemas";

const PAGE = 500;

/**
 * The one way a logged cost changes after the fact: an admin asks for a time range to be
 * priced again at today's prices (after correcting a wrong one, say). Pages by id so a large
 * range never sits in memory; rows whose cost is unchanged are not written.
 */
export async function recomputeLogCosts(range: RecomputeCostsInput): Promise<{ scanned: number; updated: number }> {
  const book = await priceBook();
  let scanned = 0;
  let updated = 0;
  for (let after: string | undefined; ; ) {
    const rows = await db.completionLog.findMany({
      where: { createdAt: { gte: range.from, lte: range.to }, ...(after ? { id: { gt: after } } : {}) },
      orderBy: { id: "asc" },
      take: PAGE,
      select: { id: true, provider: true, model: true, promptTokens: true, completionTokens: true, cachedTokens: true, costUsd: true },
    });
    scanned += rows.length;
    // One update per distinct new cost: rows of one model and usage share it.
    const byCost = new Map<number | null, string[]>();
    for (const row of rows) {
      const cost = costUsd(priceFor(book, row.provider, row.model), row);
      if (cost === row.costUsd) continue;
      byCost.set(cost, [...(byCost.get(cost) ?? []), row.id]);
      updated += 1;
    }
    if (byCost.size > 0) await db.$transaction([...byCost].map(([cost, ids]) => db.completionLog.updateMany({ where: { id: { in: ids } }, data: { costUsd: cost } })));
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1].id;
  }
  return { scanned, updated };
}
