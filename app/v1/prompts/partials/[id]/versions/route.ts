import { apiRoute } from "@/lib/routes/handler";
import { listPartialVersions } from "@/lib/partials/partials";

export const GET = apiRoute<{ id: string }>("read", async (_request, { params }) => listPartialVersions(params.id));
