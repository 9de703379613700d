import { apiRoute, readQuery } from "@/lib/routes/handler";
import { listDeliveries } from "@/lib/webhooks/endpoints";
import { listDeliveriesSchema } from "@/lib/webhooks/schemas";

export const GET = apiRoute<{ id: string }>("settings", async (request, { params }) => listDeliveries(params.id, readQuery(request, listDeliveriesSchema)));
