"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client/fetch-json";
import type { listLabels } from "@/lib/labels/labels";
import type { CreateLabelInput } from "@/lib/labels/schemas";
import { queryKeys } from "./query-keys";

export type LabelList = Awaited<ReturnType<typeof listLabels>>;
export type Label = LabelList["data"][number];

/** GET /v1/labels: system labels first, then custom ones by name. */
export function useLabels() {
  return useQuery({
    queryKey: queryKeys.labels.all,
    queryFn: ({ signal }) => apiFetch<LabelList>("/labels?page_size=100", { signal }),
  });
}

export function useCreateLabel() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateLabelInput) => apiFetch<{ id: string }>("/labels", { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.labels.all }),
  });
}
