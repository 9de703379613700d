import { createApiKeySchema } from "@/lib/auth/api-key-schemas";
import { createApiKeyForAdmin, listApiKeysForAdmin } from "@/lib/auth/api-keys";
import { newKeyOwner } from "@/lib/auth/caller";
import { apiRoute, readJson } from "@/lib/routes/handler";

export const GET = apiRoute("settings", async () => listApiKeysForAdmin());

export const POST = apiRoute("settings", async (request, { caller }) =>
  createApiKeyForAdmin(await readJson(request, createApiKeySchema), newKeyOwner(caller)),
);
