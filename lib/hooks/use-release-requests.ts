"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client/fetch-json";
import type { labelHistory } from "@/lib/labels/moves";
import type { getReleaseRequest, listReleaseRequests } from "@/lib/releases/requests";
import type { CreateReleaseRequestInput, MergeReleaseRequestInput, ReleaseStatus, ReviewReleaseRequestInput } from "@/lib/releases/schemas";
import { queryKeys } from "./query-keys";

export type ReleaseRequestSummary = Awaited<ReturnType<typeof listReleaseRequests>>["data"][number];
export type ReleaseRequestDetail = Awaited<ReturnType<typeof getReleaseRequest>>;

/** GET /v1/release-requests, newest first, optionally one status or one prompt. */
export function useReleaseRequests(filters: { status?: ReleaseStatus; promptId?: string } = {}) {
  const params = new URLSearchParams({ page_size: "100" });
  if (filters.status) params.set("status", filters.status);
  if (filters.promptId) params.set("prompt_id", filters.promptId);
  return useQuery({
    queryKey: queryKeys.releases.list(filters),
    queryFn: ({ signal }) => apiFetch<{ total: number; data: ReleaseRequestSummary[] }>(`/release-requests?${params}`, { signal }),
  });
}

/** GET /v1/release-requests/ID: with the diff against what the label serves now. */
export function useReleaseRequest(id: string | null) {
  return useQuery({
    queryKey: queryKeys.releases.detail(id ?? ""),
    queryFn: ({ signal }) => apiFetch<ReleaseRequestDetail>(`/release-requests/${encodeURIComponent(id ?? "")}`, { signal }),
    enabled: id !== null,
    // While its evaluation gate runs, the request is followed until the verdict.
    refetchInterval: (query) => (query.state.data?.gate && ["pending", "running"].includes(query.state.data.gate.status) ? 1000 : false),
  });
}

// A merge moves a label: the prompt, its versions and every list showing labels are stale.
function useInvalidateReleases() {
  const client = useQueryClient();
  return (promptId?: string) =>
    Promise.all([
      client.invalidateQueries({ queryKey: queryKeys.releases.all }),
      ...(promptId ? [client.invalidateQueries({ queryKey: queryKeys.prompt(promptId) })] : []),
      client.invalidateQueries({ queryKey: queryKeys.prompts.all }),
    ]);
}

export function useCreateReleaseRequest() {
  const invalidate = useInvalidateReleases();
  return useMutation({
    mutationFn: (input: CreateReleaseRequestInput) => apiFetch<ReleaseRequestSummary>("/release-requests", { method: "POST", body: input }),
    onSuccess: () => invalidate(),
  });
}

export function useReviewReleaseRequest(id: string) {
  const invalidate = useInvalidateReleases();
  return useMutation({
    mutationFn: (input: ReviewReleaseRequestInput) => apiFetch<ReleaseRequestSummary>(`/release-requests/${encodeURIComponent(id)}/reviews`, { method: "POST", body: input }),
    onSuccess: () => invalidate(),
  });
}

export function useMergeReleaseRequest(id: string) {
  const invalidate = useInvalidateReleases();
  return useMutation({
    mutationFn: (input?: MergeReleaseRequestInput) => apiFetch<ReleaseRequestSummary>(`/release-requests/${encodeURIComponent(id)}/merge`, { method: "POST", body: input ?? {} }),
    onSuccess: (merged) => invalidate(merged.prompt.id),
  });
}

export function useCloseReleaseRequest(id: string) {
  const invalidate = useInvalidateReleases();
  return useMutation({
    mutationFn: () => apiFetch<ReleaseRequestSummary>(`/release-requests/${encodeURIComponent(id)}/close`, { method: "POST" }),
    onSuccess: () => invalidate(),
  });
}

export type LabelHistory = Awaited<ReturnType<typeof labelHistory>>;

/** GET /v1/prompts/ID/labels/LABEL/history: the label's moves on the prompt, newest first. */
export function useLabelHistory(promptId: string, label: string | null) {
  return useQuery({
    queryKey: queryKeys.releases.history(promptId, label ?? ""),
    queryFn: ({ signal }) => apiFetch<LabelHistory>(`/prompts/${encodeURIComponent(promptId)}/labels/${encodeURIComponent(label ?? "")}/history`, { signal }),
    enabled: label !== null,
  });
}

/** POST /v1/prompts/ID/labels/LABEL/rollback: back to the version served before the last move. */
export function useRollbackLabel(promptId: string) {
  const invalidate = useInvalidateReleases();
  return useMutation({
    mutationFn: (label: string) => apiFetch<{ label: string; version: number }>(`/prompts/${encodeURIComponent(promptId)}/labels/${encodeURIComponent(label)}/rollback`, { method: "POST" }),
    onSuccess: () => invalidate(promptId),
  });
}
