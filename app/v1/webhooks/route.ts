import { apiRoute, readJson } from "@/lib/routes/handler";
import { createWebhook, listWebhooks } from "@/lib/webhooks/endpoints";
import { createWebhookSchema } from "@/lib/webhooks/schemas";

export const GET = apiRoute("settings", async () => listWebhooks());

/** The answer carries the signing secret: the only time it is shown. */
export const POST = apiRoute("settings", async (request) => createWebhook(await readJson(request, createWebhookSchema)));
