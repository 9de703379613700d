import { apiRoute, readJson, readQuery, z } from "@/lib/routes/handler";
import { deletePrompt, getPrompt } from "@/lib/prompts/prompts";
import { updatePromptSchema } from "@/lib/prompts/schemas";
import { updatePrompt } from "@/lib/prompts/update";

export const GET = apiRoute<{ id: string }>("read", async (_request, { params }) => getPrompt(params.id));

export const PUT = apiRoute<{ id: string }>("write", async (request, { params, caller }) =>
  updatePrompt(params.id, await readJson(request, updatePromptSchema), caller?.userId ?? null),
);

// `?force=true` deletes even when something still uses it (otherwise a 409 says what).
const deleteQuery = z.object({ force: z.enum(["true", "false"]).optional() });

export const DELETE = apiRoute<{ id: string }>("write", async (request, { params }) =>
  deletePrompt(params.id, { force: readQuery(request, deleteQuery).force === "true" }),
);
