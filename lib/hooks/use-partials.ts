"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client/fetch-json";
import type { createPartial, getPartial, getPartialUsage, listPartials, listPartialVersions, updatePartial } from "@/lib/partials/partials";
import type { CreatePartialInput, UpdatePartialInput } from "@/lib/partials/schemas";
import { queryKeys } from "./query-keys";

export type PartialList = Awaited<ReturnType<typeof listPartials>>;
export type PartialSummary = PartialList["data"][number];
export type PartialDetail = Awaited<ReturnType<typeof getPartial>>;
export type PartialVersionEntry = Awaited<ReturnType<typeof listPartialVersions>>[number];
export type PartialUsage = Awaited<ReturnType<typeof getPartialUsage>>;

const path = (id: string) => `/prompts/partials/${encodeURIComponent(id)}`;

/** GET /v1/prompts/partials with each partial's published template (for variables and links). */
export function usePartials() {
  return useQuery({
    queryKey: queryKeys.partials.all,
    queryFn: ({ signal }) => apiFetch<PartialList>("/prompts/partials?page_size=100", { signal }),
  });
}

/** One partial (id or slug) at its published version. */
export function usePartial(id: string) {
  return useQuery({
    queryKey: queryKeys.partials.detail(id),
    queryFn: ({ signal }) => apiFetch<PartialDetail>(path(id), { signal }),
  });
}

/** Its versions, newest first. */
export function usePartialVersions(id: string) {
  return useQuery({
    queryKey: queryKeys.partials.versions(id),
    queryFn: ({ signal }) => apiFetch<PartialVersionEntry[]>(`${path(id)}/versions`, { signal }),
  });
}

/** The prompts (and partials) that include it, directly or through other partials. */
export function usePartialUsage(id: string) {
  return useQuery({
    queryKey: queryKeys.partials.usage(id),
    queryFn: ({ signal }) => apiFetch<PartialUsage>(`${path(id)}/usage`, { signal }),
  });
}

// Any partial write can change every partial query (lists show published templates, usage
// follows includes): refresh them all.
function useInvalidatePartials() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: queryKeys.partials.all });
}

export function useCreatePartial() {
  const invalidate = useInvalidatePartials();
  return useMutation({
    mutationFn: (body: CreatePartialInput) => apiFetch<Awaited<ReturnType<typeof createPartial>>>("/prompts/partials", { body }),
    onSuccess: invalidate,
  });
}

/** A new `string` saves a new, unpublished version; `name` alone renames. */
export function useUpdatePartial() {
  const invalidate = useInvalidatePartials();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string } & UpdatePartialInput) =>
      apiFetch<Awaited<ReturnType<typeof updatePartial>>>(path(id), { method: "PUT", body }),
    onSuccess: invalidate,
  });
}

/** Publishes version N: every prompt including the partial renders it from then on. */
export function usePublishPartial() {
  const invalidate = useInvalidatePartials();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) => apiFetch<object>(`${path(id)}/makeDefault`, { method: "PUT", body: { version } }),
    onSuccess: invalidate,
  });
}

/** Points a label at version N of a partial (`{{>slug@label}}` includes it), or removes it when `version` is null. */
export function usePartialLabel() {
  const invalidate = useInvalidatePartials();
  return useMutation({
    mutationFn: ({ id, label, version }: { id: string; label: string; version: number | null }) =>
      apiFetch<object>(`${path(id)}/labels/${encodeURIComponent(label)}`, version === null ? { method: "DELETE" } : { method: "PUT", body: { version } }),
    onSuccess: invalidate,
  });
}
