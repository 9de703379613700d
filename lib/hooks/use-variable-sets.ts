"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client/fetch-json";
import type { CreateVariableSetInput, UpdateVariableSetInput, VariableSetEntry } from "@/lib/playground/variable-set-schemas";
import { queryKeys } from "./query-keys";

/** A prompt's saved variable sets (by name), and the writes that change them. */
export function useVariableSets(promptId: string) {
  const client = useQueryClient();
  const key = queryKeys.variableSets(promptId);
  const base = `/prompts/${encodeURIComponent(promptId)}/variable-sets`;
  const refresh = () => client.invalidateQueries({ queryKey: key });
  const list = useQuery({ queryKey: key, queryFn: ({ signal }) => apiFetch<{ data: VariableSetEntry[] }>(base, { signal }) });
  const create = useMutation({
    mutationFn: (body: CreateVariableSetInput) => apiFetch<VariableSetEntry>(base, { body }),
    onSuccess: refresh,
  });
  const update = useMutation({
    mutationFn: ({ id, ...body }: UpdateVariableSetInput & { id: string }) => apiFetch<VariableSetEntry>(`${base}/${encodeURIComponent(id)}`, { method: "PUT", body }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: string) => apiFetch<Record<string, never>>(`${base}/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: refresh,
  });
  return { list, create, update, remove };
}
