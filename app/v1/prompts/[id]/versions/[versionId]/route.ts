import { apiRoute, readJson } from "@/lib/routes/handler";
import { updateVersionSchema } from "@/lib/prompts/schemas";
import { getPromptVersion, setPromptVersionLabel } from "@/lib/prompts/versions";

type Params = { id: string; versionId: string };

export const GET = apiRoute<Params>("read", async (_request, { params }) => getPromptVersion(params.id, params.versionId));

export const PUT = apiRoute<Params>("write", async (request, { params, caller }) =>
  setPromptVersionLabel(params.id, params.versionId, await readJson(request, updateVersionSchema), caller),
);
