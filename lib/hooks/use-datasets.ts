"use client";
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client/fetch-json";
import type { addItems } from "@/lib/datasets/add-items";
import type { DatasetItemResponse, DatasetResponse, listDatasets, listItems, listVersions, updateItem } from "@/lib/datasets/datasets";
import type { importItems } from "@/lib/datasets/import";
import type { AddItemsInput, ColumnMapping, CreateDatasetInput, UpdateDatasetInput, UpdateItemInput } from "@/lib/datasets/schemas";
import { queryKeys } from "./query-keys";

export type Dataset = DatasetResponse;
export type DatasetItem = DatasetItemResponse;
export type DatasetList = Awaited<ReturnType<typeof listDatasets>>;
export type DatasetItemPage = Awaited<ReturnType<typeof listItems>>;
export type DatasetVersionList = Awaited<ReturnType<typeof listVersions>>;

export function useDatasets(search = "") {
  return useQuery({
    queryKey: queryKeys.datasets.list({ search }),
    queryFn: ({ signal }) => apiFetch<DatasetList>(`/datasets?page_size=100${search ? `&search=${encodeURIComponent(search)}` : ""}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useDataset(id: string) {
  return useQuery({ queryKey: queryKeys.datasets.detail(id), queryFn: ({ signal }) => apiFetch<Dataset>(`/datasets/${id}`, { signal }) });
}

/** One version's items (null: the current one), 100 at a time. */
export function useDatasetItems(id: string, version: number | null) {
  return useInfiniteQuery({
    queryKey: queryKeys.datasets.items(id, version),
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: "100" });
      if (version !== null) params.set("version", String(version));
      if (pageParam) params.set("cursor", pageParam);
      return apiFetch<DatasetItemPage>(`/datasets/${id}/items?${params}`, { signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });
}

export function useDatasetVersions(id: string) {
  return useQuery({ queryKey: queryKeys.datasets.versions(id), queryFn: ({ signal }) => apiFetch<DatasetVersionList>(`/datasets/${id}/versions`, { signal }) });
}

/** Any change of a dataset: its details, items and versions all refresh. */
function useInvalidateDatasets() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: queryKeys.datasets.all });
}

export function useCreateDataset() {
  const invalidate = useInvalidateDatasets();
  return useMutation({ mutationFn: (body: CreateDatasetInput) => apiFetch<Dataset>("/datasets", { body }), onSuccess: invalidate });
}

export function useUpdateDataset(id: string) {
  const invalidate = useInvalidateDatasets();
  return useMutation({ mutationFn: (body: UpdateDatasetInput) => apiFetch<Dataset>(`/datasets/${id}`, { method: "PUT", body }), onSuccess: invalidate });
}

export function useDeleteDataset() {
  const invalidate = useInvalidateDatasets();
  return useMutation({ mutationFn: (id: string) => apiFetch<object>(`/datasets/${id}`, { method: "DELETE" }), onSuccess: invalidate });
}

export function useAddItems(id: string) {
  const invalidate = useInvalidateDatasets();
  return useMutation({
    mutationFn: (body: AddItemsInput) => apiFetch<Awaited<ReturnType<typeof addItems>>>(`/datasets/${id}/items`, { body }),
    onSuccess: invalidate,
  });
}

/** A CSV or JSON Lines import, sent as is: the server parses, validates and stores it all or nothing. */
export function useImportItems(id: string) {
  const invalidate = useInvalidateDatasets();
  return useMutation({
    mutationFn: ({ text, format, mapping }: { text: string; format: "csv" | "jsonl"; mapping?: ColumnMapping }) => {
      const query = format === "csv" && mapping ? `?mapping=${encodeURIComponent(JSON.stringify(mapping))}` : "";
      const contentType = format === "csv" ? "text/csv" : "application/x-ndjson";
      return apiFetch<Awaited<ReturnType<typeof importItems>>>(`/datasets/${id}/items${query}`, { raw: { text, contentType } });
    },
    onSuccess: invalidate,
  });
}

export function useUpdateItem(id: string) {
  const invalidate = useInvalidateDatasets();
  return useMutation({
    mutationFn: ({ itemId, ...body }: { itemId: string } & UpdateItemInput) =>
      apiFetch<Awaited<ReturnType<typeof updateItem>>>(`/datasets/${id}/items/${itemId}`, { method: "PUT", body }),
    onSuccess: invalidate,
  });
}

export function useDeleteItem(id: string) {
  const invalidate = useInvalidateDatasets();
  return useMutation({ mutationFn: (itemId: string) => apiFetch<object>(`/datasets/${id}/items/${itemId}`, { method: "DELETE" }), onSuccess: invalidate });
}

/** The playground's "Save as test case": into an existing dataset, or a new one made with it. */
export function useSaveTestCase() {
  const invalidate = useInvalidateDatasets();
  return useMutation({
    mutationFn: async (input: { datasetId: string | null; newName: string; item: { variables: Record<string, unknown>; expected?: unknown } }) => {
      if (input.datasetId) {
        await apiFetch(`/datasets/${input.datasetId}/items`, { body: input.item });
        return { datasetId: input.datasetId };
      }
      const created = await apiFetch<Dataset>("/datasets", { body: { name: input.newName, items: [input.item] } });
      return { datasetId: created.id };
    },
    onSuccess: invalidate,
  });
}

/** Logs picked on the Logs page into a dataset (a backtest set by hand). */
export function useAddLogsToDataset() {
  const invalidate = useInvalidateDatasets();
  return useMutation({
    mutationFn: ({ datasetId, logIds }: { datasetId: string; logIds: string[] }) =>
      apiFetch<Awaited<ReturnType<typeof addItems>>>(`/datasets/${datasetId}/items`, { body: { from_logs: { log_ids: logIds } } }),
    onSuccess: invalidate,
  });
}
