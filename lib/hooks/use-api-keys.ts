"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client/fetch-json";
import type { ApiKeySummary, CreateApiKeyInput, CreatedApiKey } from "@/lib/auth/api-key-schemas";
import { queryKeys } from "./query-keys";

export function useApiKeys() {
  return useQuery({
    queryKey: queryKeys.apiKeys.all,
    queryFn: ({ signal }) => apiFetch<{ data: ApiKeySummary[]; total: number }>("/api-keys", { signal }),
  });
}

/** The answer holds the key in clear: keep it in component state only, never in a query. */
export function useCreateApiKey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateApiKeyInput) => apiFetch<CreatedApiKey>("/api-keys", { body: input }),
    // Drop the answer (it holds the key) from the mutation cache as soon as the form unmounts.
    gcTime: 0,
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.apiKeys.all }),
  });
}

export function useRevokeApiKey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<Record<string, never>>(`/api-keys/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.apiKeys.all }),
  });
}
