"use client";
import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client/fetch-json";
import type { LogDetail, LogList, LogStatus } from "@/lib/logs/schemas";
import { queryKeys } from "./query-keys";

/** The Logs page's filters, as kept in its URL. `range` is a preset ("1h") or "custom". */
export interface LogFilters {
  prompt?: string;
  status?: LogStatus;
  range?: string;
  from?: string;
  to?: string;
  /** `key=value`: calls whose x-portkey-metadata has that pair. */
  metadata?: string;
  /** Words of the rendered input or the output. */
  q?: string;
  version?: string;
  label?: string;
  model?: string;
  provider?: string;
  api_key_id?: string;
  trace_id?: string;
}

/** The filters passed through to the API as they are (the others are shaped below). */
export const PLAIN_FILTERS = ["q", "version", "label", "model", "provider", "api_key_id", "trace_id"] as const;

export const RANGE_PRESETS: { value: string; label: string; ms: number }[] = [
  { value: "15m", label: "Last 15 minutes", ms: 15 * 60_000 },
  { value: "1h", label: "Last hour", ms: 3_600_000 },
  { value: "24h", label: "Last 24 hours", ms: 86_400_000 },
  { value: "7d", label: "Last 7 days", ms: 7 * 86_400_000 },
  { value: "30d", label: "Last 30 days", ms: 30 * 86_400_000 },
];

const PAGE_SIZE = 50;

/**
 * The page's filters in the log list's terms (GET /v1/logs; exports take the same names).
 * Presets are relative to the moment of the request, so the cache key holds the preset, not a time.
 */
export function apiLogFilters(filters: LogFilters): { params: Record<string, string>; metadata: Record<string, string> | undefined } {
  const params: Record<string, string> = {};
  if (filters.prompt) params.prompt = filters.prompt;
  if (filters.status) params.status = filters.status;
  for (const key of PLAIN_FILTERS) if (filters[key]) params[key] = filters[key] as string;
  const preset = RANGE_PRESETS.find((r) => r.value === filters.range);
  if (preset) params.from = new Date(Date.now() - preset.ms).toISOString();
  if (filters.range === "custom") {
    if (filters.from) params.from = filters.from;
    if (filters.to) params.to = filters.to;
  }
  const pair = filters.metadata?.match(/^\s*([^=]+?)\s*=\s*(.*?)\s*$/);
  return { params, metadata: pair ? { [pair[1]]: pair[2] } : undefined };
}

function logsQueryString(filters: LogFilters, cursor: string | null): string {
  const { params: plain, metadata } = apiLogFilters(filters);
  const params = new URLSearchParams({ limit: String(PAGE_SIZE), ...plain });
  for (const [key, value] of Object.entries(metadata ?? {})) params.set(`metadata.${key}`, value);
  if (cursor) params.set("cursor", cursor);
  return params.toString();
}

/** Logs, newest first, a page of 50 at a time (fetchNextPage loads older ones). */
export function useLogs(filters: LogFilters) {
  return useInfiniteQuery({
    queryKey: queryKeys.logs.list({ ...filters }),
    queryFn: ({ pageParam, signal }) => apiFetch<LogList>(`/logs?${logsQueryString(filters, pageParam)}`, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
    // New runs land every few seconds: always refetch on visit, keep rows while filters change.
    staleTime: 0,
    placeholderData: keepPreviousData,
  });
}

export function useLog(id: string | null) {
  return useQuery({
    queryKey: queryKeys.logs.detail(id ?? ""),
    queryFn: ({ signal }) => apiFetch<LogDetail>(`/logs/${encodeURIComponent(id as string)}`, { signal }),
    enabled: Boolean(id),
    // The row never changes once written, but feedback on its trace may arrive at any time.
    staleTime: 30_000,
  });
}

export interface PromptOption {
  id: string;
  slug: string;
  name: string;
}

/** Prompts for the filter picker; params of its own so it never shares a cache entry's shape. */
export function usePromptOptions() {
  return useQuery({
    queryKey: queryKeys.prompts.list({ page_size: 100, purpose: "log-filter" }),
    queryFn: ({ signal }) => apiFetch<{ data: PromptOption[]; total: number }>("/prompts?page_size=100", { signal }),
    select: (answer) => answer.data.map(({ id, slug, name }) => ({ id, slug, name })),
  });
}
