import { apiRoute, readJson } from "@/lib/routes/handler";
import { mergeReleaseRequest } from "@/lib/releases/requests";
import { mergeReleaseRequestSchema } from "@/lib/releases/schemas";

export const POST = apiRoute<{ id: string }>("write", async (request, { params, caller }) => mergeReleaseRequest(params.id, await readJson(request, mergeReleaseRequestSchema), caller));
