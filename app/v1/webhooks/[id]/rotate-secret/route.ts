import { apiRoute } from "@/lib/routes/handler";
import { rotateWebhookSecret } from "@/lib/webhooks/endpoints";

export const POST = apiRoute<{ id: string }>("settings", async (_request, { params }) => rotateWebhookSecret(params.id));
