import { apiRoute, readJson } from "@/lib/routes/handler";
import { publishPartialVersion } from "@/lib/partials/partials";
import { publishPartialSchema } from "@/lib/partials/schemas";

export const PUT = apiRoute<{ id: string }>("write", async (request, { params }) =>
  publishPartialVersion(params.id, await readJson(request, publishPartialSchema)),
);
