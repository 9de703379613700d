import { apiRoute } from "@/lib/routes/handler";
import { listPromptVersions } from "@/lib/prompts/versions";

export const GET = apiRoute<{ id: string }>("read", async (_request, { params }) => listPromptVersions(params.id));
