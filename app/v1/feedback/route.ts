import { apiRoute, readJson } from "@/lib/routes/handler";
import { createFeedback } from "@/lib/logs/feedback";
import { createFeedbackSchema } from "@/lib/logs/feedback-schemas";

/**
 * Portkey's feedback on a call, by trace id. "completions" access: the code that made the
 * call (a run-only key) is what sends its users' thumbs up or down.
 */
export const POST = apiRoute("completions", async (request, { caller }) => createFeedback(await readJson(request, createFeedbackSchema), caller));
