import { completionRequestSchema } from "@/lib/completions/request-schema";
import { renderPrompt } from "@/lib/completions/render";
import { apiRoute, readJson } from "@/lib/routes/handler";
import { enforceRenderRateLimit } from "@/lib/routes/rate-limit";

export const POST = apiRoute<{ id: string }>("completions", async (request, { params, caller }) => {
  await enforceRenderRateLimit(caller);
  return renderPrompt(params.id, await readJson(request, completionRequestSchema), request.headers, caller);
});
