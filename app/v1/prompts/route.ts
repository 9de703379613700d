import { apiRoute, readJson, readQuery } from "@/lib/routes/handler";
import { createPrompt, listPrompts } from "@/lib/prompts/prompts";
import { createPromptSchema, listPromptsQuerySchema } from "@/lib/prompts/schemas";

export const POST = apiRoute("write", async (request, { caller }) =>
  createPrompt(await readJson(request, createPromptSchema), caller?.userId ?? null),
);

export const GET = apiRoute("read", async (request) => listPrompts(readQuery(request, listPromptsQuerySchema)));
