"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client/fetch-json";
import type { LabelSplitInput } from "@/lib/labels/schemas";
import type { setLabelSplit } from "@/lib/labels/splits";
import { queryKeys } from "./query-keys";

export type SplitState = Awaited<ReturnType<typeof setLabelSplit>>;
type SplitAction = { label: string } & ({ kind: "set"; input: LabelSplitInput } | { kind: "promote" } | { kind: "abort" });

/** PUT /v1/prompts/ID/labels/LABEL/split, POST .../split/promote and .../split/abort: a label's canary. */
export function useLabelSplit(promptId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: SplitAction) => {
      const base = `/prompts/${encodeURIComponent(promptId)}/labels/${encodeURIComponent(action.label)}/split`;
      if (action.kind === "set") return apiFetch<SplitState>(base, { method: "PUT", body: action.input });
      return apiFetch<SplitState>(`${base}/${action.kind}`, { method: "POST" });
    },
    // A split is a label move: the versions list and the label's history are stale.
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.prompt(promptId) }),
        client.invalidateQueries({ queryKey: queryKeys.prompts.all }),
        client.invalidateQueries({ queryKey: queryKeys.releases.all }),
      ]),
  });
}
