import { apiRoute, readJson, readQuery } from "@/lib/routes/handler";
import { createExportSchema, listExportsQuerySchema } from "@/lib/logs/export-schemas";
import { createExport, listExports } from "@/lib/logs/exports";

// Exports reveal nothing GET /v1/logs doesn't: whoever reads logs may export them.
export const GET = apiRoute("read", async (request) => {
  readQuery(request, listExportsQuerySchema);
  return listExports();
});

export const POST = apiRoute("read", async (request, { caller }) => createExport(await readJson(request, createExportSchema), caller));
