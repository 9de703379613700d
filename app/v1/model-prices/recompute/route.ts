import { apiRoute, readJson } from "@/lib/routes/handler";
import { recomputeLogCosts } from "@/lib/logs/recompute-costs";
import { recomputeCostsSchema } from "@/lib/logs/schemas";

export const POST = apiRoute("settings", async (request) => recomputeLogCosts(await readJson(request, recomputeCostsSchema)));
