import { apiRoute } from "@/lib/routes/handler";
import { revokeInvite } from "@/lib/invites/invites";

/** Revokes: the link stops working at once, and stays listed as revoked. */
export const DELETE = apiRoute<{ id: string }>("owner", async (_request, { params }) => revokeInvite(params.id));
