import { apiRoute } from "@/lib/routes/handler";
import { rollbackLabel } from "@/lib/labels/moves";

type Params = { id: string; label: string };

export const POST = apiRoute<Params>("write", async (_request, { params, caller }) => rollbackLabel(params.id, params.label, caller));
