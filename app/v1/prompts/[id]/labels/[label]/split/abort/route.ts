import { apiRoute } from "@/lib/routes/handler";
import { abortLabelSplit } from "@/lib/labels/splits";

type Params = { id: string; label: string };

export const POST = apiRoute<Params>("write", async (_request, { params, caller }) => abortLabelSplit(params.id, params.label, caller));
