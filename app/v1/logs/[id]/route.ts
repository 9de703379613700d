import { apiRoute } from "@/lib/http/handler";
import { getLog } from "@/lib/logs/queries";

export const GET = apiRoute<{ id: string }>("admin", async (_request, { params }) => getLog(params.id));
