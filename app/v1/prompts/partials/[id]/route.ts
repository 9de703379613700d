import { apiRoute, readJson, readQuery, z } from "@/lib/routes/handler";
import { deletePartial, getPartial, updatePartial } from "@/lib/partials/partials";
import { updatePartialSchema } from "@/lib/partials/schemas";

export const GET = apiRoute<{ id: string }>("read", async (_request, { params }) => getPartial(params.id));

export const PUT = apiRoute<{ id: string }>("write", async (request, { params }) =>
  updatePartial(params.id, await readJson(request, updatePartialSchema)),
);

// `?force=true` deletes even when something still uses it (otherwise a 409 says what).
const deleteQuery = z.object({ force: z.enum(["true", "false"]).optional() });

export const DELETE = apiRoute<{ id: string }>("write", async (request, { params }) =>
  deletePartial(params.id, { force: readQuery(request, deleteQuery).force === "true" }),
);
