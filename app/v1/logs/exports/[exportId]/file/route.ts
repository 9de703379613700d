import { apiRoute } from "@/lib/routes/handler";
import { exportFile } from "@/lib/logs/exports";

/** The signed link of /download: its signature is the credential, as with Portkey's signed URLs. */
export const GET = apiRoute<{ exportId: string }>("public", async (request, { params }) => {
  const query = new URL(request.url).searchParams;
  return exportFile(params.exportId, query.get("expires"), query.get("signature"));
});
