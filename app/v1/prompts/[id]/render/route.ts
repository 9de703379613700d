import { completionRequestSchema } from "@/lib/completions/request-schema";
import { renderPrompt } from "@/lib/completions/render";
import { apiRoute, readJson } from "@/lib/http/handler";

export const POST = apiRoute<{ id: string }>("completions", async (request, { params }) => {
  return renderPrompt(params.id, await readJson(request, completionRequestSchema), request.headers);
});
