import { apiRoute } from "@/lib/routes/handler";
import { getPartialUsage } from "@/lib/partials/partials";

export const GET = apiRoute<{ id: string }>("read", async (_request, { params }) => getPartialUsage(params.id));
