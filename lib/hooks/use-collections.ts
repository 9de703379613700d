"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client/fetch-json";
import type { createCollection, listCollections } from "@/lib/collections/collections";
import type { CreateCollectionInput, UpdateCollectionInput } from "@/lib/collections/schemas";
import { queryKeys } from "./query-keys";

export type CollectionList = Awaited<ReturnType<typeof listCollections>>;
export type Collection = CollectionList["data"][number];

/** Every folder (the tree is built client-side from parent ids). */
export function useCollections() {
  return useQuery({
    queryKey: queryKeys.collections.all,
    queryFn: ({ signal }) => apiFetch<CollectionList>("/collections?page_size=100", { signal }),
  });
}

function useInvalidateCollections() {
  const client = useQueryClient();
  // Prompt lists filter by folder: a folder change can change what they show.
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: queryKeys.collections.all }),
      client.invalidateQueries({ queryKey: queryKeys.prompts.all }),
    ]);
}

export function useCreateCollection() {
  const invalidate = useInvalidateCollections();
  return useMutation({
    mutationFn: (body: CreateCollectionInput) => apiFetch<Awaited<ReturnType<typeof createCollection>>>("/collections", { body }),
    onSuccess: invalidate,
  });
}

/** Rename (`name`) or move (`parent_collection_id`, null for the top level). */
export function useUpdateCollection() {
  const invalidate = useInvalidateCollections();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string } & UpdateCollectionInput) =>
      apiFetch<Collection>(`/collections/${id}`, { method: "PUT", body }),
    onSuccess: invalidate,
  });
}

/** Only an empty folder can go: the API answers 409 naming what is still inside. */
export function useDeleteCollection() {
  const invalidate = useInvalidateCollections();
  return useMutation({
    mutationFn: (id: string) => apiFetch<object>(`/collections/${id}`, { method: "DELETE" }),
    onSuccess: invalidate,
  });
}
