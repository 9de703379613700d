import { apiRoute } from "@/lib/routes/handler";
import { exportDownloadLink } from "@/lib/logs/exports";

/** Portkey's answer, a signed URL; here one that streams the export from this server. */
export const GET = apiRoute<{ exportId: string }>("read", async (request, { params }) => exportDownloadLink(params.exportId, new URL(request.url).origin));
