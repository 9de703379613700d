import { apiRoute, readJson } from "@/lib/routes/handler";
import { deleteLabel, getLabel, updateLabel } from "@/lib/labels/labels";
import { updateLabelSchema } from "@/lib/labels/schemas";

export const GET = apiRoute<{ id: string }>("read", async (_request, { params }) => getLabel(params.id));

export const PUT = apiRoute<{ id: string }>("write", async (request, { params }) =>
  updateLabel(params.id, await readJson(request, updateLabelSchema)),
);

export const DELETE = apiRoute<{ id: string }>("write", async (_request, { params }) => deleteLabel(params.id));
