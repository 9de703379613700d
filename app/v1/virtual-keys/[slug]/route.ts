import { can } from "@/lib/auth/permissions";
import { apiRoute, readJson } from "@/lib/routes/handler";
import { updateVirtualKeySchema } from "@/lib/virtual-keys/schemas";
import { deleteVirtualKey, getVirtualKey, updateVirtualKey } from "@/lib/virtual-keys/virtual-keys";

// Hosts as stored only for those who manage keys: a host may carry credentials.
export const GET = apiRoute<{ slug: string }>("read", async (_request, { params, caller }) =>
  getVirtualKey(params.slug, { fullHost: can(caller, "settings") }),
);

export const PUT = apiRoute<{ slug: string }>("settings", async (request, { params }) =>
  updateVirtualKey(params.slug, await readJson(request, updateVirtualKeySchema)),
);

export const DELETE = apiRoute<{ slug: string }>("settings", async (_request, { params }) => deleteVirtualKey(params.slug));
