"use client";
import Link from "next/link";
import { useEffect, useMemo, useState } from "react";
import { QueryError } from "@/components/settings/query-error";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { SelectField } from "@/components/ui/select-field";
import { toast } from "@/components/ui/toast";
import { useCan } from "@/lib/auth/role-context";
import { useDataset, useDatasetItems, type DatasetItem } from "@/lib/hooks/use-datasets";
import { isActive, useCancelExperiment, useExperiment, useExperimentComparison, useExperimentResults, useExperiments, type ExperimentDetail as Detail } from "@/lib/hooks/use-experiments";
import { usePrompts } from "@/lib/hooks/use-prompts";
import { ProgressBar, StatusBadge } from "./experiment-progress";
import { targetLabel } from "./format";
import { ResultsGrid } from "./results-grid";
import { ScoreChart } from "./score-chart";
import { SummaryCards } from "./summary-cards";

/** Every item of the run's dataset version, by id: the grid shows their variables and expected answers. */
function useAllItems(datasetId: string, version: number): ReadonlyMap<string, DatasetItem> {
  const items = useDatasetItems(datasetId, version);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = items;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  return useMemo(() => new Map((items.data?.pages ?? []).flatMap((page) => page.data).map((item) => [item.id, item])), [items.data]);
}

/** "t:1" (a target of this run) or "e:<id>" (another experiment on the same dataset); "" for none. */
type BaselineChoice = string;

function baselineQuery(choice: BaselineChoice) {
  if (choice.startsWith("t:")) return { baselineTarget: Number(choice.slice(2)) };
  if (choice.startsWith("e:")) return { baseline: choice.slice(2) };
  return null;
}

function Loaded({ experiment }: { experiment: Detail }) {
  const canWrite = useCan("write");
  const live = isActive(experiment.status);
  const results = useExperimentResults(experiment.id, experiment.status);
  const items = useAllItems(experiment.dataset_id, experiment.dataset_version);
  const prompts = usePrompts({});
  const dataset = useDataset(experiment.dataset_id);
  const sameDataset = useExperiments({ datasetId: experiment.dataset_id });
  const cancel = useCancelExperiment();
  const [confirming, setConfirming] = useState(false);
  const [baseline, setBaseline] = useState<BaselineChoice>(experiment.targets.length > 1 ? "t:0" : "");
  const comparison = useExperimentComparison(experiment.id, experiment.status, baselineQuery(baseline));

  const promptNames = useMemo(() => {
    const names = new Map<string, string>();
    for (const prompt of (prompts.data?.pages ?? []).flatMap((page) => page.data)) {
      names.set(prompt.id, prompt.name);
      names.set(prompt.slug, prompt.name);
    }
    return names;
  }, [prompts.data]);
  const labels = experiment.targets.map((target) => targetLabel(target, promptNames));
  const compared = useMemo(() => (comparison.data && baseline ? comparison.data.targets : []), [comparison.data, baseline]);
  const regressed = useMemo(() => new Set(compared.flatMap((t) => t.items.filter((i) => i.verdict === "regressed").map((i) => `${t.target}:${i.item_id}`))), [compared]);
  const cases = results.data ?? [];
  const costs = experiment.targets.map((_, target) => {
    const priced = cases.filter((c) => c.target === target && c.cost_usd !== null);
    return priced.length ? priced.reduce((sum, c) => sum + (c.cost_usd ?? 0), 0) : null;
  });
  const others = (sameDataset.data?.data ?? []).filter((e) => e.id !== experiment.id);

  const doCancel = async () => {
    try {
      await cancel.mutateAsync(experiment.id);
      toast.success("Experiment cancelled");
    } catch (error) {
      toast.error(error);
    }
    setConfirming(false);
  };

  return (
    <>
      <header className="flex flex-wrap items-start justify-between gap-4 border-b border-zinc-200 px-4 py-4 sm:px-6 dark:border-zinc-800">
        <div className="min-w-0">
          <nav aria-label="Breadcrumb" className="text-xs text-zinc-500">
            <Link href="/experiments" className="hover:text-zinc-800 dark:hover:text-zinc-200">
              Experiments
            </Link>
          </nav>
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="truncate text-xl font-semibold tracking-tight" data-testid="page-title">
              {experiment.name ?? `Experiment ${experiment.id.slice(0, 8)}`}
            </h1>
            <StatusBadge status={experiment.status} />
          </div>
          <p className="mt-1 text-sm text-zinc-500">
            <Link href={`/datasets/${experiment.dataset_id}`} className="hover:underline">
              {dataset.data?.name ?? "Dataset"} v{experiment.dataset_version}
            </Link>{" "}
            · {experiment.targets.length} target{experiment.targets.length === 1 ? "" : "s"} · {experiment.scorers.map((s) => s.name).join(", ") || "no scorers"} · concurrency {experiment.concurrency}
          </p>
        </div>
        {live && canWrite ? (
          <Button variant="danger" onClick={() => setConfirming(true)} data-testid="experiment-cancel">
            Cancel run
          </Button>
        ) : null}
      </header>
      <div className="space-y-6 p-4 sm:p-6">
        <ProgressBar progress={experiment.progress} />
        <div className="flex flex-wrap items-end gap-3">
          <div className="w-full max-w-xs">
            <SelectField label="Baseline" id="experiment-baseline" data-testid="experiment-baseline" value={baseline} onChange={(e) => setBaseline(e.target.value)}>
              <option value="">None</option>
              {experiment.targets.map((_, index) => (
                <option key={`t${index}`} value={`t:${index}`}>
                  This run: {labels[index]}
                </option>
              ))}
              {others.map((other) => (
                <option key={other.id} value={`e:${other.id}`}>
                  Experiment: {other.name ?? other.id.slice(0, 8)}
                </option>
              ))}
            </SelectField>
          </div>
          {comparison.error ? <p className="text-sm text-red-600">{comparison.error.message}</p> : null}
        </div>
        <SummaryCards summaries={experiment.summary.targets} labels={labels} compared={compared} costs={costs} />
        <ScoreChart summaries={experiment.summary.targets} labels={labels} />
        {results.error ? <QueryError error={results.error} onRetry={() => void results.refetch()} testId="results-error" /> : null}
        {results.isPending ? (
          <div className="h-32 animate-pulse rounded-lg bg-zinc-100 dark:bg-zinc-800" data-testid="results-loading" />
        ) : (
          <ResultsGrid cases={cases} targets={experiment.targets} labels={labels} items={items} regressed={regressed} hasBaseline={baseline !== ""} />
        )}
      </div>
      <ConfirmDialog open={confirming} title="Cancel this experiment?" confirmLabel="Cancel run" pending={cancel.isPending} onConfirm={() => void doCancel()} onClose={() => setConfirming(false)} testId="cancel-dialog">
        Cases not yet started will not run. What finished is kept.
      </ConfirmDialog>
    </>
  );
}

/** /experiments/[id]: live progress, summary against a baseline, chart and the results grid. */
export function ExperimentDetail({ experimentId }: { experimentId: string }) {
  const experiment = useExperiment(experimentId);
  if (experiment.error) {
    return (
      <div className="p-6">
        <QueryError error={experiment.error} onRetry={() => void experiment.refetch()} testId="experiment-error" />
      </div>
    );
  }
  if (!experiment.data) return <div className="m-6 h-40 animate-pulse rounded-lg bg-zinc-100 dark:bg-zinc-800" data-testid="experiment-loading" />;
  return <Loaded experiment={experiment.data} />;
}
