"use client";
import { useState } from "react";
import { QueryError } from "@/components/settings/query-error";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { useCan } from "@/lib/auth/role-context";
import type { useExperiments } from "@/lib/hooks/use-experiments";
import { ExperimentsTable, useDatasetNames } from "./experiments-view";
import { NewExperimentDialog, type TargetDraft } from "./new-experiment-dialog";

/**
 * The prompt page's Evaluate tab: the experiments with a target on this prompt, and a start
 * form preset to compare its two newest versions (the query is the page's, shared with the
 * pass rates in the version list).
 */
export function PromptEvaluations({ promptId, versionNumbers, experiments }: { promptId: string; versionNumbers: number[]; experiments: ReturnType<typeof useExperiments> }) {
  const canWrite = useCan("write");
  const datasetNames = useDatasetNames();
  const [creating, setCreating] = useState(false);
  const rows = experiments.data?.data ?? [];
  const newest = [...versionNumbers].sort((a, b) => b - a).slice(0, 2).reverse();
  const initialTargets: TargetDraft[] = newest.map((version) => ({ promptId, version: String(version) }));

  return (
    <div className="min-w-0 flex-1 space-y-4 overflow-y-auto p-4 sm:p-6" data-testid="prompt-evaluations">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h2 className="text-base font-semibold">Evaluations</h2>
          <p className="text-sm text-zinc-500">Experiments that ran this prompt. A version&apos;s latest pass rate shows in the history.</p>
        </div>
        {canWrite ? (
          <Button onClick={() => setCreating(true)} data-testid="prompt-experiment-new">
            New experiment
          </Button>
        ) : null}
      </div>
      {experiments.error ? <QueryError error={experiments.error} onRetry={() => void experiments.refetch()} testId="prompt-experiments-error" /> : null}
      {!experiments.isPending && !experiments.error && rows.length === 0 ? (
        <EmptyState title="No experiments on this prompt yet" testId="prompt-experiments-empty">
          {canWrite ? "Run a dataset against its versions to see which one answers best." : null}
        </EmptyState>
      ) : (
        <ExperimentsTable experiments={rows} datasetNames={datasetNames} loading={experiments.isPending} />
      )}
      {creating ? <NewExperimentDialog onClose={() => setCreating(false)} initialTargets={initialTargets} /> : null}
    </div>
  );
}
