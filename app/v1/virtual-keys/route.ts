import { apiRoute, readJson, readQuery } from "@/lib/http/handler";
import { createVirtualKeySchema, listVirtualKeysQuerySchema } from "@/lib/virtual-keys/schemas";
import { createVirtualKey, listVirtualKeys } from "@/lib/virtual-keys/virtual-keys";

export const POST = apiRoute("settings", async (request) => createVirtualKey(await readJson(request, createVirtualKeySchema)));

export const GET = apiRoute("read", async (request) => listVirtualKeys(readQuery(request, listVirtualKeysQuerySchema)));
