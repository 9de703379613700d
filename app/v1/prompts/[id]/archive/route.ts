import { apiRoute, readQuery } from "@/lib/routes/handler";
import { archivePrompt } from "@/lib/prompts/manage";
import { archivePromptQuerySchema } from "@/lib/prompts/schemas";

export const POST = apiRoute<{ id: string }>("write", async (request, { params }) =>
  archivePrompt(params.id, { force: readQuery(request, archivePromptQuerySchema).force === "true" }),
);
