import { apiRoute } from "@/lib/routes/handler";
import { pingWebhook } from "@/lib/webhooks/endpoints";

export const POST = apiRoute<{ id: string }>("settings", async (_request, { params }) => pingWebhook(params.id));
