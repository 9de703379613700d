"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client/fetch-json";
import type { listPromptVersions } from "@/lib/prompts/versions";
import { queryKeys } from "./query-keys";

export type PromptVersionEntry = Awaited<ReturnType<typeof listPromptVersions>>[number];
export type VersionTemplate = PromptVersionEntry["prompt_template"];

/** GET /v1/prompts/ID/versions: every version with its template and labels, newest first. */
export function usePromptVersions(id: string) {
  return useQuery({
    queryKey: queryKeys.promptVersions(id),
    queryFn: ({ signal }) => apiFetch<PromptVersionEntry[]>(`/prompts/${encodeURIComponent(id)}/versions`, { signal }),
  });
}

/** PUT /v1/prompts/ID/versions/VID {label_id}: points a label at a version (moving it). */
export function useSetVersionLabel(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ versionId, labelId }: { versionId: string; labelId: string }) =>
      apiFetch<object>(`/prompts/${encodeURIComponent(id)}/versions/${versionId}`, { method: "PUT", body: { label_id: labelId } }),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.prompt(id) }),
        client.invalidateQueries({ queryKey: queryKeys.prompts.all }),
        // The move is in the label's history.
        client.invalidateQueries({ queryKey: queryKeys.releases.all }),
      ]),
  });
}
