"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client/fetch-json";
import type { LogSettings, UpdateLogSettings } from "@/lib/logs/log-settings-schemas";
import { queryKeys } from "./query-keys";

/** GET /v1/settings/logs: retention, body mode, log count and database size. */
export function useLogSettings() {
  return useQuery({
    queryKey: queryKeys.logSettings.all,
    queryFn: ({ signal }) => apiFetch<LogSettings>("/settings/logs", { signal }),
  });
}

export function useUpdateLogSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateLogSettings) => apiFetch<LogSettings>("/settings/logs", { method: "PUT", body }),
    onSuccess: (settings) => client.setQueryData(queryKeys.logSettings.all, settings),
  });
}
