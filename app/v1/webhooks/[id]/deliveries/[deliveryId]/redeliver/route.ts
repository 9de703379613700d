import { apiRoute } from "@/lib/routes/handler";
import { redeliver } from "@/lib/webhooks/endpoints";

export const POST = apiRoute<{ id: string; deliveryId: string }>("settings", async (_request, { params }) => redeliver(params.id, params.deliveryId));
