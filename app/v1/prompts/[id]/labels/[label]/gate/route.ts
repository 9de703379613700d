import { apiRoute, readJson } from "@/lib/routes/handler";
import { deleteLabelGate, getLabelGate, setLabelGate } from "@/lib/releases/gate";
import { labelGateSchema } from "@/lib/releases/schemas";

type Params = { id: string; label: string };

export const GET = apiRoute<Params>("read", async (_request, { params }) => getLabelGate(params.id, params.label));
export const PUT = apiRoute<Params>("settings", async (request, { params }) => setLabelGate(params.id, params.label, await readJson(request, labelGateSchema)));
export const DELETE = apiRoute<Params>("settings", async (_request, { params }) => deleteLabelGate(params.id, params.label));
