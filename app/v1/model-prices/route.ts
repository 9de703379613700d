import { apiRoute, readJson, readQuery } from "@/lib/routes/handler";
import { deleteModelPrice, listModelPrices, putModelPrice } from "@/lib/costs/price-book";
import { deleteModelPriceQuerySchema, putModelPriceSchema } from "@/lib/costs/schemas";

export const GET = apiRoute("read", async () => listModelPrices());

export const PUT = apiRoute("settings", async (request) => putModelPrice(await readJson(request, putModelPriceSchema)));

export const DELETE = apiRoute("settings", async (request) => deleteModelPrice(readQuery(request, deleteModelPriceQuerySchema)));
