import { apiRoute, readQuery } from "@/lib/routes/handler";
import { exportDataset } from "@/lib/datasets/export";
import { exportQuerySchema } from "@/lib/datasets/schemas";

/** `?format=csv|jsonl&version=N` (the current version by default), streamed as a download. */
export const GET = apiRoute<{ id: string }>("read", async (request, { params }) => exportDataset(params.id, readQuery(request, exportQuerySchema)));
