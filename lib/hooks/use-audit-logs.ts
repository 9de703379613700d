"use client";
import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client/fetch-json";
import type { AuditEntry } from "@/lib/audit/schemas";
import { queryKeys } from "./query-keys";

export type AuditFilters = { actor?: string; action?: string; target_type?: string };

export const auditQueryString = (filters: AuditFilters) =>
  new URLSearchParams(Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1]))).toString();

export function useAuditLogs(filters: AuditFilters) {
  return useQuery({
    queryKey: queryKeys.auditLogs.list(filters),
    queryFn: ({ signal }) => apiFetch<{ data: AuditEntry[]; next_cursor: string | null }>(`/audit-logs?${auditQueryString({ ...filters })}&limit=100`, { signal }),
  });
}
