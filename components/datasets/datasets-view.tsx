"use client";
import Link from "next/link";
import { useState } from "react";
import { PageHeader } from "@/components/layout/page-header";
import { QueryError } from "@/components/settings/query-error";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { RelativeTime } from "@/components/ui/relative-time";
import { SkeletonRows, Table, Td, Th } from "@/components/ui/table";
import { inputClass } from "@/components/ui/text-field";
import { useCan } from "@/lib/auth/role-context";
import { useDatasets } from "@/lib/hooks/use-datasets";
import { CreateDatasetDialog } from "./create-dataset-dialog";

/** The Datasets page: every dataset, searchable, and a way to make one. */
export function DatasetsView() {
  const canWrite = useCan("write");
  const [search, setSearch] = useState("");
  const [creating, setCreating] = useState(false);
  const datasets = useDatasets(search.trim());
  const rows = datasets.data?.data ?? [];

  return (
    <>
      <PageHeader
        title="Datasets"
        description="Test cases for evaluations: variables and expected answers, imported, typed in, or taken from logs. Every change makes a new version."
        actions={
          canWrite ? (
            <Button onClick={() => setCreating(true)} data-testid="dataset-new">
              New dataset
            </Button>
          ) : null
        }
      />
      <div className="space-y-4 p-4 sm:p-6">
        <input
          type="search"
          aria-label="Search datasets"
          placeholder="Search datasets"
          data-testid="dataset-search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          className={`${inputClass} max-w-sm`}
        />
        {datasets.error ? <QueryError error={datasets.error} onRetry={() => void datasets.refetch()} testId="datasets-error" /> : null}
        {!datasets.isPending && !datasets.error && rows.length === 0 ? (
          <EmptyState title={search ? "No dataset matches" : "No datasets yet"} testId="datasets-empty">
            {canWrite && !search ? "Create one, then import a CSV or JSON Lines file, add items by hand, or build a backtest set from logs." : null}
          </EmptyState>
        ) : (
          <Table label="Datasets" testId="datasets-table">
            <thead>
              <tr>
                <Th>Name</Th>
                <Th className="text-right">Items</Th>
                <Th className="text-right">Version</Th>
                <Th className="hidden sm:table-cell">Updated</Th>
              </tr>
            </thead>
            {datasets.isPending ? (
              <SkeletonRows columns={4} testId="datasets-loading" />
            ) : (
              <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
                {rows.map((dataset) => (
                  <tr key={dataset.id} data-testid="dataset-row">
                    <Td>
                      <Link href={`/datasets/${dataset.id}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300" data-testid="dataset-link">
                        {dataset.name}
                      </Link>
                      {dataset.description ? <p className="line-clamp-1 text-xs text-zinc-500">{dataset.description}</p> : null}
                    </Td>
                    <Td className="text-right tabular-nums">{dataset.item_count}</Td>
                    <Td className="text-right tabular-nums">v{dataset.current_version}</Td>
                    <Td className="hidden text-zinc-500 sm:table-cell">
                      <RelativeTime iso={dataset.last_updated_at} />
                    </Td>
                  </tr>
                ))}
              </tbody>
            )}
          </Table>
        )}
      </div>
      {creating ? <CreateDatasetDialog onClose={() => setCreating(false)} /> : null}
    </>
  );
}
