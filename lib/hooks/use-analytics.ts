"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client/fetch-json";
import type { AnalyticsGraph } from "@/lib/analytics/schemas";
import { queryKeys } from "./query-keys";

/** The Analytics page's choices: a range preset and, optionally, one prompt. */
export interface AnalyticsFilters {
  range: string;
  prompt?: string;
}

export const ANALYTICS_RANGES: { value: string; label: string; ms: number }[] = [
  { value: "24h", label: "Last 24 hours", ms: 86_400_000 },
  { value: "7d", label: "Last 7 days", ms: 7 * 86_400_000 },
  { value: "30d", label: "Last 30 days", ms: 30 * 86_400_000 },
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
