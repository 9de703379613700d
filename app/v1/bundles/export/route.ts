import { apiRoute, readQuery } from "@/lib/routes/handler";
import { exportBundle } from "@/lib/bundles/export";
import { exportQuerySchema } from "@/lib/bundles/schemas";

/** The workspace, or `?collection_id=` and its sub-folders, with full history: streamed JSON. */
export const GET = apiRoute("read", async (request) => exportBundle(readQuery(request, exportQuerySchema)));
