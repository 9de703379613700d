import { apiRoute } from "@/lib/routes/handler";
import { listVersions } from "@/lib/datasets/datasets";

/** Every version, newest first: what changed, by whom, and how many items it holds. */
export const GET = apiRoute<{ id: string }>("read", async (_request, { params }) => listVersions(params.id));
