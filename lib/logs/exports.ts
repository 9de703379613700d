import { callerIds, type Caller } from "@/lib/auth/caller";
import { db } from "@/lib/core/db";
import { badRequest, conflict, forbidden, notFound } from "@/lib/core/http/errors";
import type { LogExport } from "@/lib/generated/prisma/client";
import {
  exportFilter,
  PORTKEY_EXPORT_FIELDS,
  storedFilters,
  type CreateExportInput,
  type ExportField,
  type ExportFormat,
  type ExportItem,
  type ExportStatus,
  type UpdateExportInput,
} from "./export-schemas";
import { exportStream } from "./export-stream";
import { signedExportPath, validExportSignature } from "./export-url";
import { countMatching } from "./queries";

/**
 * Logs exports as Portkey's API runs them: created as a draft (filters and fields), started
 * (the filter is frozen at that moment and its rows counted: status success), then
 * downloaded through a signed link. No file is written: the download streams the rows
 * (export-stream.ts), so an export costs no disk and is never stale beyond its freeze.
 */
const LIST_MAX = 100;

export async function createExport(input: CreateExportInput, caller: Caller): Promise<{ id: string; total: number; object: "export" }> {
  const filter = exportFilter(input.filters);
  const { userId, apiKeyId } = callerIds(caller);
  const total = await countMatching(filter);
  const row = await db.logExport.create({
    data: {
      filters: input.filters,
      requestedData: input.requested_data ?? [...PORTKEY_EXPORT_FIELDS],
      description: input.description ?? null,
      format: input.format,
      userId,
      apiKeyId,
    },
  });
  return { id: row.id, total, object: "export" };
}

export async function listExports(): Promise<{ object: "list"; total: number; data: ExportItem[] }> {
  const rows = await db.logExport.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: LIST_MAX });
  return { object: "list", total: rows.length, data: rows.map(exportItem) };
}

export async function getExport(id: string): Promise<ExportItem> {
  return exportItem(await exportRow(id));
}

export async function updateExport(id: string, input: UpdateExportInput): Promise<{ id: string; total: number; object: "export" }> {
  const row = await exportRow(id);
  if (row.status !== "draft") throw conflict(`Export '${id}' is ${row.status}: only a draft can change`, "export_not_draft");
  const filters = input.filters ?? storedFilters(row.filters);
  const total = await countMatching(exportFilter(filters));
  // Conditional on still being a draft: a start racing this update wins, the update fails.
  const { count } = await db.logExport.updateMany({
    where: { id, status: "draft" },
    data: {
      filters,
      ...(input.requested_data ? { requestedData: input.requested_data } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.format ? { format: input.format } : {}),
    },
  });
  if (count === 0) throw conflict(`Export '${id}' was started meanwhile: only a draft can change`, "export_not_draft");
  return { id, total, object: "export" };
}

export async function startExport(id: string): Promise<{ message: string; object: "export" }> {
  const row = await exportRow(id);
  if (row.status === "success") return { message: "Export already complete", object: "export" };
  if (row.status !== "draft" && row.status !== "failed") throw conflict(`Export '${id}' is ${row.status}: it can't start`, "export_not_startable");
  const snapshotAt = new Date();
  const claimed = await db.logExport.updateMany({ where: { id, status: row.status }, data: { status: "in_progress", snapshotAt, error: null } });
  if (claimed.count === 0) throw conflict(`Export '${id}' is already starting`, "export_not_startable");
  try {
    const totalRecords = await countMatching({ ...exportFilter(storedFilters(row.filters)), ...until(storedFilters(row.filters), snapshotAt) });
    await db.logExport.updateMany({ where: { id, status: "in_progress" }, data: { status: "success", totalRecords } });
  } catch (error) {
    console.error("[promptly] log export failed:", (error as Error).message);
    await db.logExport.updateMany({ where: { id, status: "in_progress" }, data: { status: "failed", error: "The export could not be prepared" } });
    throw error;
  }
  return { message: "Export started", object: "export" };
}

export async function cancelExport(id: string): Promise<{ message: string; object: "export" }> {
  const row = await exportRow(id);
  if (row.status === "stopped") return { message: "Export already cancelled", object: "export" };
  await db.logExport.update({ where: { id }, data: { status: "stopped" } });
  return { message: "Export cancelled", object: "export" };
}

/** Portkey answers a signed URL to a file; Promptly's link streams the rows (export-url.ts). */
export async function exportDownloadLink(id: string, origin: string): Promise<{ signed_url: string }> {
  const row = await exportRow(id);
  if (row.status !== "success") throw conflict(`Export '${id}' is ${row.status}: start it, then download once its status is success`, "export_not_ready");
  return { signed_url: new URL(signedExportPath(row.id), origin).toString() };
}

/** The file behind a signed link, streamed. */
export async function exportFile(id: string, expires: string | null, signature: string | null): Promise<Response> {
  if (!validExportSignature(id, expires, signature)) throw forbidden("This download link is invalid or has expired: ask for a new one (GET /v1/logs/exports/:id/download)");
  const row = await exportRow(id);
  if (row.status !== "success") throw conflict(`Export '${id}' is ${row.status}`, "export_not_ready");
  const filters = storedFilters(row.filters);
  const format = row.format as ExportFormat;
  const body = exportStream({ filter: { ...exportFilter(filters), ...until(filters, row.snapshotAt ?? row.updatedAt) }, fields: requestedData(row), format });
  return new Response(body, {
    headers: {
      "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
      "content-disposition": `attachment; filename="promptly-logs-${row.id}.${format}"`,
      "cache-control": "no-store",
    },
  });
}

/** The frozen upper bound: rows created after the start are not the export's. */
function until(filters: ReturnType<typeof storedFilters>, snapshotAt: Date): { to: Date } {
  const to = exportFilter(filters).to;
  return { to: to && to < snapshotAt ? to : snapshotAt };
}

async function exportRow(id: string): Promise<LogExport> {
  if (id.length > 100) throw badRequest("Invalid export id", "exportId");
  const row = await db.logExport.findUnique({ where: { id } });
  if (!row) throw notFound(`Export '${id}' not found`);
  return row;
}

function requestedData(row: LogExport): ExportField[] {
  return Array.isArray(row.requestedData) ? (row.requestedData as ExportField[]) : [...PORTKEY_EXPORT_FIELDS];
}

function exportItem(row: LogExport): ExportItem {
  return {
    id: row.id,
    organisation_id: null,
    filters: storedFilters(row.filters),
    requested_data: requestedData(row),
    status: row.status as ExportStatus,
    description: row.description,
    format: row.format as ExportFormat,
    total_records: row.totalRecords,
    created_at: row.createdAt.toISOString(),
    last_updated_at: row.updatedAt.toISOString(),
    created_by: row.userId ?? row.apiKeyId,
    workspace_id: null,
    error: row.error,
    object: "export",
  };
}
