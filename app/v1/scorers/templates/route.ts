import { apiRoute, readJson } from "@/lib/routes/handler";
import { createJudgeFromTemplate, listJudgeTemplates } from "@/lib/scorers/judge-templates";
import { judgeFromTemplateSchema } from "@/lib/scorers/schemas";

export const GET = apiRoute("read", async () => listJudgeTemplates());

/** Creates the template's judge prompt in the chosen folder, and a saved scorer using it. */
export const POST = apiRoute("write", async (request, { caller }) => createJudgeFromTemplate(await readJson(request, judgeFromTemplateSchema), caller?.userId ?? null));
