"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client/fetch-json";
import type { CreateWebhookInput, DeliverySummary, WebhookSummary } from "@/lib/webhooks/schemas";
import { queryKeys } from "./query-keys";

const path = (id: string) => `/webhooks/${encodeURIComponent(id)}`;

export function useWebhooks() {
  return useQuery({
    queryKey: queryKeys.webhooks.all,
    queryFn: ({ signal }) => apiFetch<{ data: WebhookSummary[]; total: number }>("/webhooks", { signal }),
  });
}

/** The answer holds the secret: keep it in component state only, never in a query. */
export function useCreateWebhook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateWebhookInput) => apiFetch<WebhookSummary>("/webhooks", { body: input }),
    gcTime: 0,
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.webhooks.all }),
  });
}

export function useDeleteWebhook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<Record<string, never>>(path(id), { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.webhooks.all }),
  });
}

export function useWebhookDeliveries(id: string | null) {
  return useQuery({
    queryKey: queryKeys.webhooks.deliveries(id ?? ""),
    queryFn: ({ signal }) => apiFetch<{ data: DeliverySummary[] }>(`${path(id as string)}/deliveries`, { signal }),
    enabled: id !== null,
    // Deliveries change on their own (retries): the open log follows them.
    refetchInterval: 2_000,
  });
}

export function useRedeliver(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: string) => apiFetch<DeliverySummary>(`${path(id)}/deliveries/${encodeURIComponent(deliveryId)}/redeliver`, { method: "POST" }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.webhooks.deliveries(id) }),
  });
}

export function usePingWebhook(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<{ event_id: string }>(`${path(id)}/ping`, { method: "POST" }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.webhooks.deliveries(id) }),
  });
}

export function useRotateWebhookSecret() {
  return useMutation({
    mutationFn: (id: string) => apiFetch<WebhookSummary>(`${path(id)}/rotate-secret`, { method: "POST" }),
    gcTime: 0,
  });
}
