"use client";
import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client/fetch-json";
import type { Label } from "@/lib/hooks/use-labels";
import { queryKeys } from "@/lib/hooks/query-keys";
import type { UpdateLabelInput } from "@/lib/labels/schemas";

// Rename and delete are Settings-only, so they live here beside the label list, next to
// lib/hooks/use-labels.ts (list and create, shared with the prompt pages).

// Prompt lists and pages show label names: a rename or delete refreshes them too.
function invalidate(client: QueryClient) {
  return Promise.all([
    client.invalidateQueries({ queryKey: queryKeys.labels.all }),
    client.invalidateQueries({ queryKey: queryKeys.prompts.all }),
    client.invalidateQueries({ queryKey: ["prompt"] }),
  ]);
}

export function useUpdateLabel() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: UpdateLabelInput & { id: string }) =>
      apiFetch<Label>(`/labels/${encodeURIComponent(id)}`, { method: "PUT", body: input }),
    onSuccess: () => invalidate(client),
  });
}

export function useDeleteLabel() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<Record<string, never>>(`/labels/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => invalidate(client),
  });
}
