"use client";
import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client/fetch-json";
import type { CreateVirtualKeyInput, UpdateVirtualKeyInput } from "@/lib/virtual-keys/schemas";
import { queryKeys } from "./query-keys";

/** A virtual key as the API shows it: the secret only as its mask. */
export interface VirtualKey {
  id: string;
  slug: string;
  name: string;
  ai_provider_name: string;
  masked_api_key: string;
  note: string | null;
  status: string;
  custom_host: string | null;
  api_version: string | null;
  resource_name: string | null;
  deployment_name: string | null;
  created_at: string;
  updated_at: string;
}

export function useVirtualKeys() {
  return useQuery({
    queryKey: queryKeys.virtualKeys.all,
    queryFn: ({ signal }) => apiFetch<{ data: VirtualKey[]; total: number }>("/virtual-keys?page_size=100", { signal }),
  });
}

// Prompt pages show (and run with) their virtual key; a deleted key is unset on versions.
function invalidate(client: QueryClient) {
  return Promise.all([
    client.invalidateQueries({ queryKey: queryKeys.virtualKeys.all }),
    client.invalidateQueries({ queryKey: queryKeys.prompts.all }),
    client.invalidateQueries({ queryKey: ["prompt"] }),
  ]);
}

type Saved = { id: string; slug: string };

export function useCreateVirtualKey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateVirtualKeyInput) => apiFetch<Saved>("/virtual-keys", { body: input }),
    onSuccess: () => invalidate(client),
  });
}

export function useUpdateVirtualKey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ slug, ...input }: UpdateVirtualKeyInput & { slug: string }) =>
      apiFetch<Saved>(`/virtual-keys/${encodeURIComponent(slug)}`, { method: "PUT", body: input }),
    onSuccess: () => invalidate(client),
  });
}

export function useDeleteVirtualKey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (slug: string) => apiFetch<Record<string, never>>(`/virtual-keys/${encodeURIComponent(slug)}`, { method: "DELETE" }),
    onSuccess: () => invalidate(client),
  });
}
