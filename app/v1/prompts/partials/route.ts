import { apiRoute, readJson, readQuery } from "@/lib/routes/handler";
import { createPartial, listPartials } from "@/lib/partials/partials";
import { createPartialSchema, listPartialsQuerySchema } from "@/lib/partials/schemas";

export const POST = apiRoute("write", async (request) => createPartial(await readJson(request, createPartialSchema)));

export const GET = apiRoute("read", async (request) => listPartials(readQuery(request, listPartialsQuerySchema)));
