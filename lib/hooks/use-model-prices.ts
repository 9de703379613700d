"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client/fetch-json";
import type { DeleteModelPriceQuery, ModelPriceResponse, PutModelPriceInput } from "@/lib/costs/schemas";
import { queryKeys } from "./query-keys";

export type { ModelPriceResponse };

/** GET /v1/model-prices: declared prices and the admins' overrides, by provider then model. */
export function useModelPrices() {
  return useQuery({
    queryKey: queryKeys.modelPrices.all,
    queryFn: ({ signal }) => apiFetch<{ data: ModelPriceResponse[]; total: number }>("/model-prices", { signal }),
  });
}

export function usePutModelPrice() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PutModelPriceInput) => apiFetch<ModelPriceResponse>("/model-prices", { method: "PUT", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.modelPrices.all }),
  });
}

export function useDeleteModelPrice() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (key: DeleteModelPriceQuery) => apiFetch<Record<string, never>>(`/model-prices?${new URLSearchParams(key)}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.modelPrices.all }),
  });
}
