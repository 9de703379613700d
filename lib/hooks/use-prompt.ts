"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client/fetch-json";
import type { getPrompt } from "@/lib/prompts/prompts";
import type { UpdatePromptInput } from "@/lib/prompts/schemas";
import type { updatePrompt } from "@/lib/prompts/update";
import { queryKeys } from "./query-keys";

export type PromptDetail = Awaited<ReturnType<typeof getPrompt>>;
export type SavedVersion = Awaited<ReturnType<typeof updatePrompt>>;

/** GET /v1/prompts/ID: the prompt with its published version. */
export function usePrompt(id: string) {
  return useQuery({
    queryKey: queryKeys.prompt(id),
    queryFn: ({ signal }) => apiFetch<PromptDetail>(`/prompts/${encodeURIComponent(id)}`, { signal }),
  });
}

// queryKeys.prompt(id) prefixes the versions key too: one invalidation refreshes the
// prompt, its version history and (with prompts.all) every list row showing it.
function useInvalidatePrompt() {
  const client = useQueryClient();
  return (id: string) =>
    Promise.all([
      client.invalidateQueries({ queryKey: queryKeys.prompt(id) }),
      client.invalidateQueries({ queryKey: queryKeys.prompts.all }),
    ]);
}

/** PUT /v1/prompts/ID with version fields: a new immutable, unpublished version. */
export function useSavePromptVersion(id: string) {
  const invalidate = useInvalidatePrompt();
  return useMutation({
    mutationFn: (body: UpdatePromptInput) => apiFetch<SavedVersion>(`/prompts/${encodeURIComponent(id)}`, { method: "PUT", body }),
    onSuccess: () => invalidate(id),
  });
}

/** PUT /v1/prompts/ID/makeDefault: publish version N. */
export function usePublishVersion(id: string) {
  const invalidate = useInvalidatePrompt();
  return useMutation({
    mutationFn: (version: number) =>
      apiFetch<object>(`/prompts/${encodeURIComponent(id)}/makeDefault`, { method: "PUT", body: { version } }),
    onSuccess: () => invalidate(id),
  });
}
