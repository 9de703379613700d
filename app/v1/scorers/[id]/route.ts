import { apiRoute, readJson } from "@/lib/routes/handler";
import { deleteScorer, getScorer, updateScorer } from "@/lib/scorers/scorers";
import { updateScorerSchema } from "@/lib/scorers/schemas";

export const GET = apiRoute<{ id: string }>("read", async (_request, { params }) => getScorer(params.id));

export const PUT = apiRoute<{ id: string }>("write", async (request, { params }) =>
  updateScorer(params.id, await readJson(request, updateScorerSchema)),
);

export const DELETE = apiRoute<{ id: string }>("write", async (_request, { params }) => deleteScorer(params.id));
