import { apiRoute } from "@/lib/routes/handler";
import { cancelExport } from "@/lib/logs/exports";

export const POST = apiRoute<{ exportId: string }>("read", async (_request, { params }) => cancelExport(params.exportId));
