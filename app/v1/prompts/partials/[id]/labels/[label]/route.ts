import { apiRoute, readJson } from "@/lib/routes/handler";
import { removePartialLabel, setPartialLabel } from "@/lib/partials/labels";
import { partialLabelSchema } from "@/lib/partials/schemas";

type Params = { id: string; label: string };

export const PUT = apiRoute<Params>("write", async (request, { params, caller }) =>
  setPartialLabel(params.id, params.label, await readJson(request, partialLabelSchema), caller),
);

export const DELETE = apiRoute<Params>("write", async (_request, { params, caller }) => removePartialLabel(params.id, params.label, caller));
