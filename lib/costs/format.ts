/**
 * A cost as people read it: "$0.00123", or "unknown" when there was no price or no usage;
 * never "$0" for an unknown. Browser-safe, for every page that shows a cost.
 */
const cents = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
// Fractions of a cent keep three significant digits: most single calls cost less than a cent.
const small = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumSignificantDigits: 3 });

export function formatCost(costUsd: number | null | undefined): string {
  if (costUsd === null || costUsd === undefined || !Number.isFinite(costUsd)) return "unknown";
  return (Math.abs(costUsd) >= 1 ? cents : small).format(costUsd);
}
