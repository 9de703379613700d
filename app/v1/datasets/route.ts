import { apiRoute, readJson, readQuery } from "@/lib/routes/handler";
import { createDataset, listDatasets } from "@/lib/datasets/datasets";
import { createDatasetSchema, listDatasetsQuerySchema } from "@/lib/datasets/schemas";

export const POST = apiRoute("write", async (request, { caller }) => createDataset(await readJson(request, createDatasetSchema), caller?.userId ?? null));

export const GET = apiRoute("read", async (request) => listDatasets(readQuery(request, listDatasetsQuerySchema)));
