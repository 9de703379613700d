import { apiRoute, readJson } from "@/lib/routes/handler";
import { deleteDataset, getDataset, updateDataset } from "@/lib/datasets/datasets";
import { updateDatasetSchema } from "@/lib/datasets/schemas";

export const GET = apiRoute<{ id: string }>("read", async (_request, { params }) => getDataset(params.id));

export const PUT = apiRoute<{ id: string }>("write", async (request, { params }) => updateDataset(params.id, await readJson(request, updateDatasetSchema)));

/** Soft: the dataset leaves lists and lookups; its versions stay for the experiments that used them. */
export const DELETE = apiRoute<{ id: string }>("write", async (_request, { params }) => deleteDataset(params.id));
