import { apiRoute, readJson, readQuery } from "@/lib/routes/handler";
import { createScorer, listScorers } from "@/lib/scorers/scorers";
import { createScorerSchema, listScorersQuerySchema } from "@/lib/scorers/schemas";

export const POST = apiRoute("write", async (request) => createScorer(await readJson(request, createScorerSchema)));

export const GET = apiRoute("read", async (request) => listScorers(readQuery(request, listScorersQuerySchema)));
