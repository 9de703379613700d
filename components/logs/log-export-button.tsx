"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useLogExport } from "@/lib/hooks/use-log-export";
import type { LogFilters } from "@/lib/hooks/use-logs";
import { EXPORT_FORMATS, type ExportFormat } from "@/lib/logs/export-schemas";

/** Exports what the filters select (every page, not just the loaded ones) as CSV or JSON Lines. */
export function LogExportButton({ filters }: { filters: LogFilters }) {
  const [format, setFormat] = useState<ExportFormat>("csv");
  const exporter = useLogExport();
  const start = () =>
    exporter.mutate(
      { filters, format },
      {
        // The signed link streams the file: the browser's own download shows its progress.
        onSuccess: ({ url }) => {
          const link = document.createElement("a");
          link.href = url;
          link.download = "";
          document.body.append(link);
          link.click();
          link.remove();
        },
      },
    );
  return (
    <div className="flex items-end gap-2" data-testid="log-export">
      <label className="block space-y-1">
        <span className="text-sm font-medium text-zinc-700 dark:text-zinc-300">Format</span>
        <select
          className="rounded-md border border-zinc-300 bg-white px-2 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
          value={format}
          onChange={(event) => setFormat(event.target.value as ExportFormat)}
          data-testid="log-export-format"
        >
          {EXPORT_FORMATS.map((value) => (
            <option key={value} value={value}>
              {value === "csv" ? "CSV" : "JSON Lines"}
            </option>
          ))}
        </select>
      </label>
      <Button variant="secondary" onClick={start} disabled={exporter.isPending} data-testid="log-export-button">
        {exporter.isPending ? "Preparing export…" : "Export"}
      </Button>
      {exporter.isSuccess ? (
        <span className="pb-2 text-xs text-zinc-500" data-testid="log-export-status">
          {exporter.data.total.toLocaleString()} row(s)
        </span>
      ) : null}
      {exporter.isError ? (
        <span className="pb-2 text-xs text-red-600" role="alert">
          {exporter.error.message}
        </span>
      ) : null}
    </div>
  );
}
