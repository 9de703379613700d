import { apiRoute, readJson, readQuery } from "@/lib/routes/handler";
import { createCollection, listCollections } from "@/lib/collections/collections";
import { createCollectionSchema, listCollectionsQuerySchema } from "@/lib/collections/schemas";

export const POST = apiRoute("write", async (request) => createCollection(await readJson(request, createCollectionSchema)));

export const GET = apiRoute("read", async (request) => listCollections(readQuery(request, listCollectionsQuerySchema)));
