import { apiRoute, readQuery } from "@/lib/routes/handler";
import { analyticsSummary } from "@/lib/analytics/analytics";
import { analyticsQuerySchema } from "@/lib/analytics/schemas";

/** Every metric over the range at once: requests, errors, latency, TTFT, tokens, cost. */
export const GET = apiRoute("read", async (request) => analyticsSummary(readQuery(request, analyticsQuerySchema)));
