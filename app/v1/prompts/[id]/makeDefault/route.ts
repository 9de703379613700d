import { apiRoute, readJson } from "@/lib/routes/handler";
import { makeDefaultSchema } from "@/lib/prompts/schemas";
import { publishPromptVersion } from "@/lib/prompts/versions";

export const PUT = apiRoute<{ id: string }>("write", async (request, { params }) =>
  publishPromptVersion(params.id, await readJson(request, makeDefaultSchema)),
);
