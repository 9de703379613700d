import { apiRoute } from "@/lib/routes/handler";
import { getReleaseRequest } from "@/lib/releases/requests";

export const GET = apiRoute<{ id: string }>("read", async (_request, { params }) => getReleaseRequest(params.id));
