import { apiRoute, readJson } from "@/lib/http/handler";
import { deletePartial, getPartial, updatePartial } from "@/lib/partials/partials";
import { updatePartialSchema } from "@/lib/partials/schemas";

export const GET = apiRoute<{ id: string }>("admin", async (_request, { params }) => getPartial(params.id));

export const PUT = apiRoute<{ id: string }>("admin", async (request, { params }) =>
  updatePartial(params.id, await readJson(request, updatePartialSchema)),
);

export const DELETE = apiRoute<{ id: string }>("admin", async (_request, { params }) => deletePartial(params.id));
