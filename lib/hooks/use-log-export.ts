"use client";
import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client/fetch-json";
import type { ExportFormat } from "@/lib/logs/export-schemas";
import { apiLogFilters, type LogFilters } from "./use-logs";

/**
 * Exports the Logs page's current filter through the logs-exports API (create, start,
 * download) and answers the signed link, which streams the file: the browser downloads it
 * with its own progress, and nothing is held in the page's memory.
 */
export function useLogExport() {
  return useMutation({
    mutationFn: async ({ filters, format }: { filters: LogFilters; format: ExportFormat }) => {
      const { params, metadata } = apiLogFilters(filters);
      const body = { filters: { ...params, ...(params.version ? { version: Number(params.version) } : {}), ...(metadata ? { metadata } : {}) }, format, description: "Logs page export" };
      const created = await apiFetch<{ id: string; total: number }>("/logs/exports", { body });
      await apiFetch(`/logs/exports/${created.id}/start`, { method: "POST", body: {} });
      const { signed_url } = await apiFetch<{ signed_url: string }>(`/logs/exports/${created.id}/download`);
      return { url: signed_url, total: created.total };
    },
  });
}
