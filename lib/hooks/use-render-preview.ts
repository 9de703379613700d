"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client/fetch-json";
import type { ChatMessage } from "@/lib/templates";
import { queryKeys } from "./query-keys";

/** What POST /v1/prompts/:id/render answers: the body /completions would send the provider. */
export interface RenderedBody {
  messages?: ChatMessage[];
  prompt?: string;
  model?: string;
  [key: string]: unknown;
}

/**
 * The rendered messages of a run body, from the same route and renderer the completion
 * engine uses (partials, strict variables and all). `body` is the JSON text of the request,
 * so an unchanged draft asks nothing again; the last answer stays shown while the next loads.
 */
export function useRenderPreview(ref: string | null, body: string, enabled: boolean) {
  return useQuery<RenderedBody>({
    queryKey: queryKeys.renderPreview(ref ?? "", body),
    queryFn: ({ signal }) =>
      apiFetch<{ data: RenderedBody }>(`/prompts/${encodeURIComponent(ref ?? "").replace(/%40/g, "@")}/render`, { body: JSON.parse(body) as unknown, signal }).then((answer) => answer.data),
    enabled: enabled && ref !== null,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 30_000,
  });
}
