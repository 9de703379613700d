import { apiRoute, readJson, readQuery } from "@/lib/routes/handler";
import { createExperiment, listExperiments } from "@/lib/experiments/experiments";
import { createExperimentSchema, listExperimentsQuerySchema } from "@/lib/experiments/schemas";

/** Creating one starts it: the answer is the queued experiment; poll GET /v1/experiments/ID. */
export const POST = apiRoute("write", async (request, { caller }) => createExperiment(await readJson(request, createExperimentSchema), caller?.userId ?? null));

export const GET = apiRoute("read", async (request) => listExperiments(readQuery(request, listExperimentsQuerySchema)));
