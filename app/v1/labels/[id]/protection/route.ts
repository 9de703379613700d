import { apiRoute, readJson } from "@/lib/routes/handler";
import { setLabelProtection } from "@/lib/labels/labels";
import { labelProtectionSchema } from "@/lib/labels/schemas";

export const PUT = apiRoute<{ id: string }>("settings", async (request, { params }) => setLabelProtection(params.id, await readJson(request, labelProtectionSchema)));
