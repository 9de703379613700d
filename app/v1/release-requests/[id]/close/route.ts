import { apiRoute } from "@/lib/routes/handler";
import { closeReleaseRequest } from "@/lib/releases/requests";

export const POST = apiRoute<{ id: string }>("write", async (_request, { params, caller }) => closeReleaseRequest(params.id, caller));
