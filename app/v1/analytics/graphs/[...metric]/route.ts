import { apiRoute, readQuery } from "@/lib/routes/handler";
import { analyticsGraph } from "@/lib/analytics/analytics";
import { analyticsQuerySchema } from "@/lib/analytics/schemas";

/** Portkey's analytics graphs (requests, cost, latency, tokens, errors...): time series. */
export const GET = apiRoute<{ metric: string[] }>("read", async (request, { params }) =>
  analyticsGraph(params.metric.join("/"), readQuery(request, analyticsQuerySchema)),
);
