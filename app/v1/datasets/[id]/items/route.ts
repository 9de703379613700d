import { apiRoute, readJson, readQuery } from "@/lib/routes/handler";
import { maxImportBytes, streamBodyText } from "@/lib/core/http/body-limit";
import { addItems } from "@/lib/datasets/add-items";
import { listItems } from "@/lib/datasets/datasets";
import { importItems } from "@/lib/datasets/import";
import { importFormatOf } from "@/lib/datasets/import-format";
import { addItemsSchema, importQuerySchema, listItemsQuerySchema } from "@/lib/datasets/schemas";

/** One version's items (the current one unless `version` says), by cursor. */
export const GET = apiRoute<{ id: string }>("read", async (request, { params }) => listItems(params.id, readQuery(request, listItemsQuerySchema)));

/**
 * JSON adds one item, `items`, or `from_logs`; a `text/csv` or `application/x-ndjson` body
 * is an import, streamed within PROMPTLY_MAX_IMPORT_BYTES, all or nothing.
 */
export const POST = apiRoute<{ id: string }>("write", async (request, { params, caller }) => {
  const format = importFormatOf(request.headers.get("content-type"));
  if (!format) return addItems(params.id, await readJson(request, addItemsSchema), caller?.userId ?? null);
  const { mapping } = readQuery(request, importQuerySchema);
  return importItems(params.id, streamBodyText(request, maxImportBytes()), format, mapping, caller?.userId ?? null);
});
