import { runCompletion } from "@/lib/completions/engine";
import { completionRequestSchema } from "@/lib/completions/request-schema";
import { apiRoute, readJson } from "@/lib/routes/handler";
import { enforceCompletionRateLimit } from "@/lib/routes/rate-limit";

// Streams must start flowing at once: never cache or prerender this route.
export const dynamic = "force-dynamic";

export const POST = apiRoute<{ id: string }>("completions", async (request, { params, caller, traceId }) => {
  await enforceCompletionRateLimit(caller);
  const body = await readJson(request, completionRequestSchema);
  return runCompletion(params.id, body, { traceId, caller, headers: request.headers, signal: request.signal });
});
