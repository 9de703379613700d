"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client/fetch-json";
import type { createPartial, listPartials } from "@/lib/partials/partials";
import type { CreatePartialInput } from "@/lib/partials/schemas";
import { queryKeys } from "./query-keys";

export type PartialList = Awaited<ReturnType<typeof listPartials>>;
export type PartialSummary = PartialList["data"][number];

/** GET /v1/prompts/partials with each partial's published template (for variables and links). */
export function usePartials() {
  return useQuery({
    queryKey: queryKeys.partials.all,
    queryFn: ({ signal }) => apiFetch<PartialList>("/prompts/partials?page_size=100", { signal }),
  });
}

export function useCreatePartial() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePartialInput) =>
      apiFetch<Awaited<ReturnType<typeof createPartial>>>("/prompts/partials", { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.partials.all }),
  });
}
