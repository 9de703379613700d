import { apiRoute, readQuery } from "@/lib/routes/handler";
import { notFound } from "@/lib/core/http/errors";
import { analyticsCacheSummary } from "@/lib/analytics/analytics";
import { analyticsQuerySchema } from "@/lib/analytics/schemas";

/** Portkey's `analytics.summary.cache`. */
export const GET = apiRoute<{ kind: string }>("read", async (request, { params }) => {
  if (params.kind !== "cache") throw notFound(`Analytics summary '${params.kind}' not found`);
  return analyticsCacheSummary(readQuery(request, analyticsQuerySchema));
});
