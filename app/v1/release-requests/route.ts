import { apiRoute, readJson, readQuery } from "@/lib/routes/handler";
import { createReleaseRequest, listReleaseRequests } from "@/lib/releases/requests";
import { createReleaseRequestSchema, listReleaseRequestsQuerySchema } from "@/lib/releases/schemas";

export const GET = apiRoute("read", async (request) => listReleaseRequests(readQuery(request, listReleaseRequestsQuerySchema)));

export const POST = apiRoute("write", async (request, { caller }) => createReleaseRequest(await readJson(request, createReleaseRequestSchema), caller));
