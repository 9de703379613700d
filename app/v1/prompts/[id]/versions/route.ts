import { apiRoute } from "@/lib/http/handler";
import { listPromptVersions } from "@/lib/prompts/versions";

export const GET = apiRoute<{ id: string }>("read", async (_request, { params }) => listPromptVersions(params.id));
