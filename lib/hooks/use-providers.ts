"use client";
import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client/fetch-json";
import type { ProviderInfo } from "@/lib/providers/declarations";
import { queryKeys } from "./query-keys";

export type { ProviderInfo };

/** GET /v1/providers: each provider's declaration (capabilities, setup, usage in stream, models). They only change with a deploy. */
export function useProviders() {
  return useQuery({
    queryKey: queryKeys.providers.all,
    queryFn: ({ signal }) => apiFetch<{ data: ProviderInfo[] }>("/providers", { signal }),
    staleTime: Infinity,
  });
}
