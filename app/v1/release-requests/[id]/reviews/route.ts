import { apiRoute, readJson } from "@/lib/routes/handler";
import { reviewReleaseRequest } from "@/lib/releases/requests";
import { reviewReleaseRequestSchema } from "@/lib/releases/schemas";

export const POST = apiRoute<{ id: string }>("write", async (request, { params, caller }) => reviewReleaseRequest(params.id, await readJson(request, reviewReleaseRequestSchema), caller));
