"use client";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client/fetch-json";
import type { compareExperiment, getExperiment, listExperiments, listResults } from "@/lib/experiments/experiments";
import type { CreateExperimentInput } from "@/lib/experiments/schemas";
import { queryKeys } from "./query-keys";

export type ExperimentList = Awaited<ReturnType<typeof listExperiments>>;
export type ExperimentListEntry = ExperimentList["data"][number];
export type ExperimentDetail = Awaited<ReturnType<typeof getExperiment>>;
export type ExperimentCaseRow = Awaited<ReturnType<typeof listResults>>["data"][number];
export type ExperimentComparison = Awaited<ReturnType<typeof compareExperiment>>;

/** How often a running experiment's status and results are read again. */
const POLL_MS = 1_000;
const RESULTS_PAGE = 500;

export const isActive = (status: string | undefined) => status === "queued" || status === "running";

export interface ExperimentFilters {
  promptId?: string;
  datasetId?: string;
}

/** GET /v1/experiments, newest first; refreshed while one of them is still running. */
export function useExperiments(filters: ExperimentFilters = {}) {
  const key = { prompt_id: filters.promptId, dataset_id: filters.datasetId };
  return useQuery({
    queryKey: queryKeys.experiments.list(key),
    queryFn: ({ signal }) => {
      const query = new URLSearchParams({ page_size: "100" });
      if (key.prompt_id) query.set("prompt_id", key.prompt_id);
      if (key.dataset_id) query.set("dataset_id", key.dataset_id);
      return apiFetch<ExperimentList>(`/experiments?${query}`, { signal });
    },
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.data.some((e) => isActive(e.status)) ? POLL_MS : false),
  });
}

/** One experiment's status, progress and per-target summary, polled until it finishes. */
export function useExperiment(id: string) {
  return useQuery({
    queryKey: queryKeys.experiments.detail(id),
    queryFn: ({ signal }) => apiFetch<ExperimentDetail>(`/experiments/${encodeURIComponent(id)}`, { signal }),
    refetchInterval: (query) => (query.state.error || !isActive(query.state.data?.status) ? false : POLL_MS),
  });
}

/** Every case, read page by page through the cursor; read again while the run goes on and once it ends. */
export function useExperimentResults(id: string, status: string) {
  const live = isActive(status);
  return useQuery({
    queryKey: queryKeys.experiments.results(id, status),
    queryFn: async ({ signal }) => {
      const rows: ExperimentCaseRow[] = [];
      let cursor: string | null = null;
      do {
        const query = new URLSearchParams({ limit: String(RESULTS_PAGE) });
        if (cursor) query.set("cursor", cursor);
        const page: Awaited<ReturnType<typeof listResults>> = await apiFetch(`/experiments/${encodeURIComponent(id)}/results?${query}`, { signal });
        rows.push(...page.data);
        cursor = page.next_cursor;
      } while (cursor);
      return rows;
    },
    placeholderData: keepPreviousData,
    refetchInterval: live ? POLL_MS : false,
  });
}

/** Against a target of the same run (`baselineTarget`) or another experiment (`baseline`). */
export function useExperimentComparison(id: string, status: string, baseline: { baseline?: string; baselineTarget?: number } | null) {
  const live = isActive(status);
  const key = baseline ? { baseline: baseline.baseline, baseline_target: baseline.baselineTarget } : {};
  return useQuery({
    queryKey: queryKeys.experiments.compare(id, status, key),
    enabled: baseline !== null,
    queryFn: ({ signal }) => {
      const query = new URLSearchParams();
      if (key.baseline) query.set("baseline", key.baseline);
      if (key.baseline_target !== undefined) query.set("baseline_target", String(key.baseline_target));
      return apiFetch<ExperimentComparison>(`/experiments/${encodeURIComponent(id)}/compare?${query}`, { signal });
    },
    placeholderData: keepPreviousData,
    refetchInterval: live ? POLL_MS : false,
  });
}

function useInvalidateExperiments() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: queryKeys.experiments.all });
}

export function useCreateExperiment() {
  const invalidate = useInvalidateExperiments();
  return useMutation({ mutationFn: (body: CreateExperimentInput) => apiFetch<ExperimentDetail>("/experiments", { body }), onSuccess: invalidate });
}

export function useCancelExperiment() {
  const invalidate = useInvalidateExperiments();
  return useMutation({ mutationFn: (id: string) => apiFetch<ExperimentDetail>(`/experiments/${encodeURIComponent(id)}/cancel`, { method: "POST" }), onSuccess: invalidate });
}
