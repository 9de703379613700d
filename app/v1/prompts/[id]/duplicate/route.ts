import { apiRoute, readJson } from "@/lib/routes/handler";
import { duplicatePrompt } from "@/lib/prompts/manage";
import { duplicatePromptSchema } from "@/lib/prompts/schemas";

export const POST = apiRoute<{ id: string }>("write", async (request, { params, caller }) =>
  duplicatePrompt(params.id, await readJson(request, duplicatePromptSchema), caller?.userId ?? null),
);
