import { apiRoute, readJson } from "@/lib/routes/handler";
import { tryScorer } from "@/lib/scorers/scorers";
import { scorerTrialSchema } from "@/lib/scorers/schemas";

// Scores one answer without saving anything: reading, not writing.
export const POST = apiRoute("read", async (request) => tryScorer(await readJson(request, scorerTrialSchema)));
