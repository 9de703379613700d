import { apiRoute } from "@/lib/routes/handler";
import { restorePrompt } from "@/lib/prompts/manage";

export const POST = apiRoute<{ id: string }>("write", async (_request, { params }) => restorePrompt(params.id));
