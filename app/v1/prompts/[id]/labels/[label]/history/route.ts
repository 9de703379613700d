import { apiRoute, readQuery } from "@/lib/routes/handler";
import { labelHistory } from "@/lib/labels/moves";
import { labelHistoryQuerySchema } from "@/lib/labels/schemas";

type Params = { id: string; label: string };

export const GET = apiRoute<Params>("read", async (request, { params }) => labelHistory(params.id, params.label, readQuery(request, labelHistoryQuerySchema)));
