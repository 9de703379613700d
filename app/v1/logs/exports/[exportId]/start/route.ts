import { apiRoute } from "@/lib/routes/handler";
import { startExport } from "@/lib/logs/exports";

export const POST = apiRoute<{ exportId: string }>("read", async (_request, { params }) => startExport(params.exportId));
