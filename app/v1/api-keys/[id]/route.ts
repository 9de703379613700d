import { revokeApiKeyForAdmin } from "@/lib/auth/api-keys";
import { apiRoute } from "@/lib/routes/handler";

/** Revokes the key: it stops working at once, and stays listed as revoked. */
export const DELETE = apiRoute<{ id: string }>("settings", async (_request, { params }) => revokeApiKeyForAdmin(params.id));
