import { apiRoute, readJson, readQuery } from "@/lib/routes/handler";
import { createLabel, listLabels } from "@/lib/labels/labels";
import { createLabelSchema, listLabelsQuerySchema } from "@/lib/labels/schemas";

export const POST = apiRoute("write", async (request) => createLabel(await readJson(request, createLabelSchema)));

export const GET = apiRoute("read", async (request) => listLabels(readQuery(request, listLabelsQuerySchema)));
