import { apiRoute, readJson } from "@/lib/routes/handler";
import { getLogSettings, updateLogSettings } from "@/lib/logs/log-settings";
import { updateLogSettingsSchema } from "@/lib/logs/log-settings-schemas";

/** Log retention, the body mode, how many logs and how big the database is (Settings → Logs). */
export const GET = apiRoute("read", async () => getLogSettings());

export const PUT = apiRoute("settings", async (request) => updateLogSettings(await readJson(request, updateLogSettingsSchema)));
