"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client/fetch-json";
import type { AnalyticsGraph, AnalyticsGroupList } from "@/lib/analytics/schemas";
import { queryKeys } from "./query-keys";

/** The Analytics page's and a prompt's Metrics tab's choices: a range preset, optionally a prompt, a version, a label. */
export interface AnalyticsFilters {
  range: string;
  prompt?: string;
  version?: number;
  label?: string;
}

export const ANALYTICS_RANGES: { value: string; label: string; ms: number }[] = [
  { value: "24h", label: "Last 24 hours", ms: 86_400_000 },
  { value: "7d", label: "Last 7 days", ms: 7 * 86_400_000 },
  { value: "30d", label: "Last 30 days", ms: 30 * 86_400_000 },
  // The longest range the API takes (ANALYTICS_MAX_DAYS): the version list's lifetime numbers.
  { value: "400d", label: "Last 400 days", ms: 400 * 86_400_000 },
];

// Presets are relative to the request's moment, so the cache key holds the preset, not a time.
function queryString(filters: AnalyticsFilters): string {
  const preset = ANALYTICS_RANGES.find((r) => r.value === filters.range) ?? ANALYTICS_RANGES[1];
  const now = Date.now();
  const params = new URLSearchParams({
    time_of_generation_min: new Date(now - preset.ms).toISOString(),
    time_of_generation_max: new Date(now).toISOString(),
  });
  if (filters.prompt) params.set("prompt_id", filters.prompt);
  if (filters.version) params.set("prompt_version", String(filters.version));
  if (filters.label) params.set("label", filters.label);
  return params.toString();
}

export interface AnalyticsSummary {
  requests: number;
  errors: number;
  errors_by_class: { "4xx": number; "5xx": number; other: number };
  error_rate: number;
  latency: { avg: number; p50: number; p90: number; p95: number; p99: number };
  ttft: { avg: number; p50: number; p95: number };
  tokens: { input: number; output: number; total: number };
  cost: number;
  feedback: { count: number; requests_with_feedback: number; mean: number | null; avg_weighted: number | null };
}

/** One row of GET /v1/analytics/groups/...: its key columns and the measures of its calls. */
export interface AnalyticsGroupRow {
  prompt_id?: string | null;
  prompt_version?: number | null;
  label?: string | null;
  requests: number;
  error_count: number;
  success_rate: number;
  cost: number;
  avg_latency: number;
  p50_latency: number;
  p95_latency: number;
  feedback_count: number;
  feedback_mean: number | null;
  avg_weighted_feedback: number | null;
}

/** One time series of the analytics API (requests, errors, latency, cost...). */
export function useAnalyticsGraph(name: string, filters: AnalyticsFilters) {
  return useQuery({
    queryKey: queryKeys.analytics.graph(name, { ...filters }),
    queryFn: ({ signal }) => apiFetch<AnalyticsGraph>(`/analytics/graphs/${name}?${queryString(filters)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useAnalyticsSummary(filters: AnalyticsFilters) {
  return useQuery({
    queryKey: queryKeys.analytics.summary({ ...filters }),
    queryFn: ({ signal }) => apiFetch<{ summary: AnalyticsSummary }>(`/analytics/summary?${queryString(filters)}`, { signal }),
    select: (answer) => answer.summary,
    placeholderData: keepPreviousData,
  });
}

/** Calls grouped by a dimension (prompt-versions, labels, ai-models...), every group in one page. */
export function useAnalyticsGroups(group: string, filters: AnalyticsFilters) {
  return useQuery({
    queryKey: queryKeys.analytics.groups(group, { ...filters }),
    queryFn: ({ signal }) => apiFetch<AnalyticsGroupList>(`/analytics/groups/${group}?${queryString(filters)}&page_size=1000`, { signal }),
    select: (answer) => answer.data as unknown as AnalyticsGroupRow[],
    placeholderData: keepPreviousData,
  });
}
