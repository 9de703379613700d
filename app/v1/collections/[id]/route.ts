import { apiRoute, readJson } from "@/lib/routes/handler";
import { deleteCollection, getCollection, updateCollection } from "@/lib/collections/collections";
import { updateCollectionSchema } from "@/lib/collections/schemas";

export const GET = apiRoute<{ id: string }>("read", async (_request, { params }) => getCollection(params.id));

export const PUT = apiRoute<{ id: string }>("write", async (request, { params }) =>
  updateCollection(params.id, await readJson(request, updateCollectionSchema)),
);

export const DELETE = apiRoute<{ id: string }>("write", async (_request, { params }) => deleteCollection(params.id));
