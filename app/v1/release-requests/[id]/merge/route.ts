import { apiRoute } from "@/lib/routes/handler";
import { mergeReleaseRequest } from "@/lib/releases/requests";

export const POST = apiRoute<{ id: string }>("write", async (_request, { params, caller }) => mergeReleaseRequest(params.id, caller));
