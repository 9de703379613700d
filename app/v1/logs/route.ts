import { apiRoute, readQuery } from "@/lib/routes/handler";
import { listLogs } from "@/lib/logs/queries";
import { listLogsQuerySchema } from "@/lib/logs/schemas";

/** Completion logs, newest first; filters and cursor paging in the query string. */
export const GET = apiRoute("read", async (request) => listLogs(readQuery(request, listLogsQuerySchema)));
