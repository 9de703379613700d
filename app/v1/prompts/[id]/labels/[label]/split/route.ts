import { apiRoute, readJson } from "@/lib/routes/handler";
import { labelSplitSchema } from "@/lib/labels/schemas";
import { setLabelSplit } from "@/lib/labels/splits";

type Params = { id: string; label: string };

export const PUT = apiRoute<Params>("write", async (request, { params, caller }) => setLabelSplit(params.id, params.label, await readJson(request, labelSplitSchema), caller));
