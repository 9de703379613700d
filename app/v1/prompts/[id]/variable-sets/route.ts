import { apiRoute, readJson } from "@/lib/routes/handler";
import { createVariableSetSchema } from "@/lib/playground/variable-set-schemas";
import { createVariableSet, listVariableSets } from "@/lib/playground/variable-sets";

export const GET = apiRoute<{ id: string }>("read", async (_request, { params }) => listVariableSets(params.id));

export const POST = apiRoute<{ id: string }>("write", async (request, { params }) => createVariableSet(params.id, await readJson(request, createVariableSetSchema)));
