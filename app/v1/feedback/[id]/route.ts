import { apiRoute, readJson } from "@/lib/routes/handler";
import { updateFeedback } from "@/lib/logs/feedback";
import { updateFeedbackSchema } from "@/lib/logs/feedback-schemas";

export const PUT = apiRoute<{ id: string }>("completions", async (request, { params }) => updateFeedback(params.id, await readJson(request, updateFeedbackSchema)));
