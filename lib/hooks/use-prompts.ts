"use client";
import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client/fetch-json";
import type { createPrompt, listPrompts } from "@/lib/prompts/prompts";
import type { archivePrompt, duplicatePrompt } from "@/lib/prompts/manage";
import type { CreatePromptInput, DuplicatePromptInput, UpdatePromptInput } from "@/lib/prompts/schemas";
import type { updatePrompt } from "@/lib/prompts/update";
import { queryKeys } from "./query-keys";

// Types come from the server functions themselves (type-only imports: nothing server-side
// reaches the bundle), so the UI can't drift from what the API answers.
export type PromptListResponse = Awaited<ReturnType<typeof listPrompts>>;
export type PromptSummary = PromptListResponse["data"][number];
export type CreatedPrompt = Awaited<ReturnType<typeof createPrompt>>;

const PAGE_SIZE = 50;

export interface PromptListParams {
  search?: string;
  collectionId?: string | null;
  /** Active prompts (the default), archived ones only, or both. */
  archived?: "false" | "true" | "all";
}

/** GET /v1/prompts, newest activity first, a page at a time ("Load more"). */
export function usePrompts(params: PromptListParams) {
  const key = { search: params.search || undefined, collectionId: params.collectionId || undefined, archived: params.archived ?? "false" };
  return useInfiniteQuery({
    queryKey: queryKeys.prompts.list(key),
    initialPageParam: 0,
    queryFn: ({ pageParam, signal }) => {
      const query = new URLSearchParams({ current_page: String(pageParam), page_size: String(PAGE_SIZE) });
      if (key.search) query.set("search", key.search);
      if (key.collectionId) query.set("collection_id", key.collectionId);
      if (key.archived !== "false") query.set("archived", key.archived);
      return apiFetch<PromptListResponse>(`/prompts?${query}`, { signal });
    },
    getNextPageParam: (last, pages) => (pages.length * PAGE_SIZE < last.total ? pages.length : undefined),
    // Typing in the search box keeps the previous rows on screen instead of flashing a spinner.
    placeholderData: keepPreviousData,
  });
}

export function useCreatePrompt() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePromptInput) => apiFetch<CreatedPrompt>("/prompts", { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.prompts.all }),
  });
}

/** Rename, move to another folder or change the prompt's own settings: no new version. */
export function useUpdatePromptMeta() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string } & Pick<UpdatePromptInput, "name" | "collection_id" | "strict_variables" | "settings">) =>
      apiFetch<Awaited<ReturnType<typeof updatePrompt>>>(`/prompts/${id}`, { method: "PUT", body }),
    onSuccess: (_data, { id }) =>
      Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.prompts.all }),
        client.invalidateQueries({ queryKey: queryKeys.prompt(id) }),
      ]),
  });
}

export function useDeletePrompt() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<object>(`/prompts/${id}`, { method: "DELETE" }),
    onSuccess: (_data, id) => {
      client.removeQueries({ queryKey: queryKeys.prompt(id) });
      return client.invalidateQueries({ queryKey: queryKeys.prompts.all });
    },
  });
}

/** A copy of a prompt: one version (the published one) or, with `history`, all of them; never its labels. */
export function useDuplicatePrompt() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string } & Partial<DuplicatePromptInput>) =>
      apiFetch<Awaited<ReturnType<typeof duplicatePrompt>>>(`/prompts/${id}/duplicate`, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.prompts.all }),
  });
}

/** Archive (hidden from the list, runs refused) or restore. `force` archives a prompt labels still point at. */
export function useArchivePrompt() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, archive, force }: { id: string; archive: boolean; force?: boolean }) =>
      apiFetch<Awaited<ReturnType<typeof archivePrompt>>>(`/prompts/${id}/${archive ? "archive" : "restore"}${force ? "?force=true" : ""}`, { method: "POST" }),
    onSuccess: (_data, { id }) =>
      Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.prompts.all }),
        client.invalidateQueries({ queryKey: queryKeys.prompt(id) }),
      ]),
  });
}
