"use client";
import Link from "next/link";
import { useMemo, useState } from "react";
import { PageHeader } from "@/components/layout/page-header";
import { QueryError } from "@/components/settings/query-error";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { RelativeTime } from "@/components/ui/relative-time";
import { SkeletonRows, Table, Td, Th } from "@/components/ui/table";
import { useCan } from "@/lib/auth/role-context";
import { useDatasets } from "@/lib/hooks/use-datasets";
import { useExperiments, type ExperimentListEntry } from "@/lib/hooks/use-experiments";
import { ProgressBar, StatusBadge } from "./experiment-progress";
import { percent } from "./format";
import { JudgeTemplateDialog } from "./judge-template-dialog";
import { NewExperimentDialog } from "./new-experiment-dialog";

/** A table of experiments (all, or one prompt's), linking to each run. */
export function ExperimentsTable({ experiments, datasetNames, loading }: { experiments: ExperimentListEntry[]; datasetNames: ReadonlyMap<string, string>; loading: boolean }) {
  return (
    <Table label="Experiments" testId="experiments-table">
      <thead>
        <tr>
          <Th>Experiment</Th>
          <Th>Status</Th>
          <Th className="min-w-40">Progress</Th>
          <Th className="hidden sm:table-cell">Pass rate by target</Th>
          <Th className="hidden md:table-cell">Started</Th>
        </tr>
      </thead>
      {loading ? (
        <SkeletonRows columns={5} testId="experiments-loading" />
      ) : (
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {experiments.map((experiment) => (
            <tr key={experiment.id} data-testid="experiment-row">
              <Td>
                <Link href={`/experiments/${experiment.id}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300" data-testid="experiment-link">
                  {experiment.name ?? `Experiment ${experiment.id.slice(0, 8)}`}
                </Link>
                <p className="text-xs text-zinc-500">
                  {datasetNames.get(experiment.dataset_id) ?? "dataset"} v{experiment.dataset_version} · {experiment.targets.length} target{experiment.targets.length === 1 ? "" : "s"}
                </p>
              </Td>
              <Td>
                <StatusBadge status={experiment.status} testId="experiment-row-status" />
              </Td>
              <Td>
                <ProgressBar progress={experiment.progress} compact />
              </Td>
              <Td className="hidden tabular-nums sm:table-cell">{experiment.target_stats.map((s) => percent(s.pass_rate)).join(" · ") || "—"}</Td>
              <Td className="hidden text-zinc-500 md:table-cell">
                <RelativeTime iso={experiment.created_at} />
              </Td>
            </tr>
          ))}
        </tbody>
      )}
    </Table>
  );
}

/** Dataset names by id, for the tables' second line. */
export function useDatasetNames(): ReadonlyMap<string, string> {
  const datasets = useDatasets();
  return useMemo(() => new Map((datasets.data?.data ?? []).map((d) => [d.id, d.name])), [datasets.data]);
}

/** The Experiments page: every run, newest first, and the ways to start one or add a judge. */
export function ExperimentsView() {
  const canWrite = useCan("write");
  const experiments = useExperiments();
  const datasetNames = useDatasetNames();
  const [creating, setCreating] = useState(false);
  const [addingJudge, setAddingJudge] = useState(false);
  const rows = experiments.data?.data ?? [];
  return (
    <>
      <PageHeader
        title="Experiments"
        description="A dataset run against prompt versions, every answer scored: compare versions before you publish."
        actions={
          canWrite ? (
            <div className="flex flex-wrap justify-end gap-2">
              <Button variant="secondary" onClick={() => setAddingJudge(true)} data-testid="judge-template-open">
                Add judge from template
              </Button>
              <Button onClick={() => setCreating(true)} data-testid="experiment-new">
                New experiment
              </Button>
            </div>
          ) : null
        }
      />
      <div className="space-y-4 p-4 sm:p-6">
        {experiments.error ? <QueryError error={experiments.error} onRetry={() => void experiments.refetch()} testId="experiments-error" /> : null}
        {!experiments.isPending && !experiments.error && rows.length === 0 ? (
          <EmptyState title="No experiments yet" testId="experiments-empty">
            {canWrite ? "Start one: pick a dataset, the prompt versions to compare, and how to score their answers." : "Editors and admins start experiments; their results show here."}
          </EmptyState>
        ) : (
          <ExperimentsTable experiments={rows} datasetNames={datasetNames} loading={experiments.isPending} />
        )}
      </div>
      {creating ? <NewExperimentDialog onClose={() => setCreating(false)} /> : null}
      {addingJudge ? <JudgeTemplateDialog onClose={() => setAddingJudge(false)} /> : null}
    </>
  );
}

