import { apiRoute, readJson } from "@/lib/routes/handler";
import { updateExportSchema } from "@/lib/logs/export-schemas";
import { getExport, updateExport } from "@/lib/logs/exports";

type Params = { exportId: string };

export const GET = apiRoute<Params>("read", async (_request, { params }) => getExport(params.exportId));

export const PUT = apiRoute<Params>("read", async (request, { params }) => updateExport(params.exportId, await readJson(request, updateExportSchema)));
