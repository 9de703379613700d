import { apiRoute } from "@/lib/routes/handler";
import { getExperiment } from "@/lib/experiments/experiments";

export const GET = apiRoute<{ id: string }>("read", async (_request, { params }) => getExperiment(params.id));
