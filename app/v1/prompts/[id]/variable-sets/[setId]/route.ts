import { apiRoute, readJson } from "@/lib/routes/handler";
import { updateVariableSetSchema } from "@/lib/playground/variable-set-schemas";
import { deleteVariableSet, updateVariableSet } from "@/lib/playground/variable-sets";

type Params = { id: string; setId: string };

export const PUT = apiRoute<Params>("write", async (request, { params }) => updateVariableSet(params.id, params.setId, await readJson(request, updateVariableSetSchema)));

export const DELETE = apiRoute<Params>("write", async (_request, { params }) => deleteVariableSet(params.id, params.setId));
