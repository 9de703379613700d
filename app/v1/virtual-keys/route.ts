import { can } from "@/lib/auth/permissions";
import { apiRoute, readJson, readQuery } from "@/lib/routes/handler";
import { createVirtualKeySchema, listVirtualKeysQuerySchema } from "@/lib/virtual-keys/schemas";
import { createVirtualKey, listVirtualKeys } from "@/lib/virtual-keys/virtual-keys";

export const POST = apiRoute("settings", async (request) => createVirtualKey(await readJson(request, createVirtualKeySchema)));

// Hosts as stored only for those who manage keys: a host may carry credentials.
export const GET = apiRoute("read", async (request, { caller }) =>
  listVirtualKeys(readQuery(request, listVirtualKeysQuerySchema), { fullHost: can(caller, "settings") }),
);
