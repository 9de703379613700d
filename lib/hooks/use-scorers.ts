"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client/fetch-json";
import type { createJudgeFromTemplate, listJudgeTemplates } from "@/lib/scorers/judge-templates";
import type { JudgeFromTemplateInput } from "@/lib/scorers/schemas";
import type { listScorers } from "@/lib/scorers/scorers";
import { queryKeys } from "./query-keys";

export type ScorerList = Awaited<ReturnType<typeof listScorers>>;
export type SavedScorer = ScorerList["data"][number];
export type JudgeTemplateList = ReturnType<typeof listJudgeTemplates>;

/** Every saved scorer (the first 100, by name). */
export function useScorers() {
  return useQuery({ queryKey: queryKeys.scorers.all, queryFn: ({ signal }) => apiFetch<ScorerList>("/scorers?page_size=100", { signal }) });
}

export function useJudgeTemplates() {
  return useQuery({ queryKey: queryKeys.scorers.templates, queryFn: ({ signal }) => apiFetch<JudgeTemplateList>("/scorers/templates", { signal }), staleTime: Infinity });
}

/** Makes a judge prompt from a template, and its saved scorer; prompt lists change too. */
export function useCreateJudgeFromTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: JudgeFromTemplateInput) => apiFetch<Awaited<ReturnType<typeof createJudgeFromTemplate>>>("/scorers/templates", { body }),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: queryKeys.scorers.all }), client.invalidateQueries({ queryKey: queryKeys.prompts.all })]),
  });
}
