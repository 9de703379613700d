import { apiRoute, readJson } from "@/lib/routes/handler";
import { deleteItem, updateItem } from "@/lib/datasets/datasets";
import { updateItemSchema } from "@/lib/datasets/schemas";

type Params = { id: string; itemId: string };

/** An edit: a new version in which the item has the new fields (omitted ones are kept). */
export const PUT = apiRoute<Params>("write", async (request, { params, caller }) =>
  updateItem(params.id, params.itemId, await readJson(request, updateItemSchema), caller?.userId ?? null),
);

export const DELETE = apiRoute<Params>("write", async (_request, { params, caller }) => deleteItem(params.id, params.itemId, caller?.userId ?? null));
