import { apiRoute, readJson } from "@/lib/routes/handler";
import { deleteWebhook, getWebhook, updateWebhook } from "@/lib/webhooks/endpoints";
import { updateWebhookSchema } from "@/lib/webhooks/schemas";

export const GET = apiRoute<{ id: string }>("settings", async (_request, { params }) => getWebhook(params.id));

export const PUT = apiRoute<{ id: string }>("settings", async (request, { params }) => updateWebhook(params.id, await readJson(request, updateWebhookSchema)));

export const DELETE = apiRoute<{ id: string }>("settings", async (_request, { params }) => deleteWebhook(params.id));
