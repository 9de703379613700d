import { apiRoute, readQuery } from "@/lib/routes/handler";
import { analyticsGroups } from "@/lib/analytics/analytics";
import { analyticsQuerySchema } from "@/lib/analytics/schemas";

/** Portkey's analytics groups (ai-models, metadata/:key...) and prompts, versions, labels. */
export const GET = apiRoute<{ group: string[] }>("read", async (request, { params }) =>
  analyticsGroups(params.group.join("/"), readQuery(request, analyticsQuerySchema)),
);
