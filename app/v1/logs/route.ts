import { apiRoute, readJson, readQuery } from "@/lib/routes/handler";
import { recordExternalLogs } from "@/lib/logs/external";
import { createLogsSchema } from "@/lib/logs/external-schemas";
import { listLogs } from "@/lib/logs/queries";
import { listLogsQuerySchema } from "@/lib/logs/schemas";

/** Completion logs, newest first; filters (metadata.KEY=VALUE among them) and cursor paging in the query string. */
export const GET = apiRoute("read", async (request) => listLogs(readQuery(request, listLogsQuerySchema)));

/** Calls made outside Promptly (the SDK's logs.create): rows anyone reading logs will see, so "write". */
export const POST = apiRoute("write", async (request, { caller, traceId }) => recordExternalLogs(await readJson(request, createLogsSchema), caller, traceId));
