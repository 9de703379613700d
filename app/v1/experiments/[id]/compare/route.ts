import { apiRoute, readQuery } from "@/lib/routes/handler";
import { compareExperiment } from "@/lib/experiments/experiments";
import { compareQuerySchema } from "@/lib/experiments/schemas";

export const GET = apiRoute<{ id: string }>("read", async (request, { params }) => compareExperiment(params.id, readQuery(request, compareQuerySchema)));
