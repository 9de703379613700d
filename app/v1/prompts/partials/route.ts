import { apiRoute, readJson, readQuery } from "@/lib/http/handler";
import { createPartial, listPartials } from "@/lib/partials/partials";
import { createPartialSchema, listPartialsQuerySchema } from "@/lib/partials/schemas";

export const POST = apiRoute("admin", async (request) => createPartial(await readJson(request, createPartialSchema)));

export const GET = apiRoute("admin", async (request) => listPartials(readQuery(request, listPartialsQuerySchema)));
