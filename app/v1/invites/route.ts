import { apiRoute, readJson } from "@/lib/routes/handler";
import { createInvite, listInvites, publicOrigin } from "@/lib/invites/invites";
import { createInviteSchema } from "@/lib/invites/schemas";

export const GET = apiRoute("owner", async () => listInvites());

/** The answer carries the link (and its token) once: only a hash is stored. */
export const POST = apiRoute("owner", async (request, { caller }) =>
  createInvite(await readJson(request, createInviteSchema), { createdById: caller?.userId ?? null, origin: publicOrigin(request.headers) }),
);
