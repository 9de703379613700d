import { apiRoute, readJson } from "@/lib/routes/handler";
import { removeMember, updateMember } from "@/lib/members/members";
import { updateMemberSchema } from "@/lib/members/schemas";

export const PUT = apiRoute<{ id: string }>("owner", async (request, { params, caller }) =>
  updateMember(params.id, await readJson(request, updateMemberSchema), caller?.userId ?? null),
);

export const DELETE = apiRoute<{ id: string }>("owner", async (_request, { params, caller }) => removeMember(params.id, caller?.userId ?? null));
