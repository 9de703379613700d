import { apiRoute } from "@/lib/routes/handler";
import { cancelExperiment } from "@/lib/experiments/experiments";

export const POST = apiRoute<{ id: string }>("write", async (_request, { params }) => cancelExperiment(params.id));
