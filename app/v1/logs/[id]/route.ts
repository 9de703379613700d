import { apiRoute } from "@/lib/routes/handler";
import { getLog } from "@/lib/logs/queries";

export const GET = apiRoute<{ id: string }>("read", async (_request, { params }) => getLog(params.id));
