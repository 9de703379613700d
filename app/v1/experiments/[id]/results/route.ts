import { apiRoute, readQuery } from "@/lib/routes/handler";
import { listResults } from "@/lib/experiments/experiments";
import { resultsQuerySchema } from "@/lib/experiments/schemas";

export const GET = apiRoute<{ id: string }>("read", async (request, { params }) => listResults(params.id, readQuery(request, resultsQuerySchema)));
