import { apiRoute, readJson } from "@/lib/http/handler";
import { deletePrompt, getPrompt } from "@/lib/prompts/prompts";
import { updatePromptSchema } from "@/lib/prompts/schemas";
import { updatePrompt } from "@/lib/prompts/update";

export const GET = apiRoute<{ id: string }>("admin", async (_request, { params }) => getPrompt(params.id));

export const PUT = apiRoute<{ id: string }>("admin", async (request, { params, caller }) =>
  updatePrompt(params.id, await readJson(request, updatePromptSchema), caller?.userId ?? null),
);

export const DELETE = apiRoute<{ id: string }>("admin", async (_request, { params }) => deletePrompt(params.id));
