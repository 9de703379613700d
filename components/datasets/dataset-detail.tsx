"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { PageHeader } from "@/components/layout/page-header";
import { QueryError } from "@/components/settings/query-error";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { SkeletonRows, Table, Th } from "@/components/ui/table";
import { toast } from "@/components/ui/toast";
import { useCan } from "@/lib/auth/role-context";
import { useDataset, useDatasetItems, useDeleteDataset, useDeleteItem } from "@/lib/hooks/use-datasets";
import { AddItemDialog } from "./add-item-dialog";
import { FromLogsDialog } from "./from-logs-dialog";
import { ImportDialog } from "./import-dialog";
import { ItemRow } from "./item-row";
import { VersionsList } from "./versions-list";

const linkButton =
  "inline-flex items-center rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm font-medium text-zinc-800 hover:bg-zinc-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800";

/** A dataset: its items (the current version, or an older one read-only), import, export, versions. */
export function DatasetDetail({ datasetId }: { datasetId: string }) {
  const router = useRouter();
  const canWrite = useCan("write");
  const dataset = useDataset(datasetId);
  const [version, setVersion] = useState<number | null>(null);
  const items = useDatasetItems(datasetId, version);
  const [dialog, setDialog] = useState<"import" | "add" | "logs" | "delete" | null>(null);
  const [deletingItem, setDeletingItem] = useState<string | null>(null);
  const deleteDataset = useDeleteDataset();
  const deleteItem = useDeleteItem(datasetId);

  if (dataset.error) {
    return (
      <div className="p-6">
        <QueryError error={dataset.error} onRetry={() => void dataset.refetch()} testId="dataset-error" />
        <Link href="/datasets" className="mt-4 inline-block text-sm text-indigo-700 underline dark:text-indigo-300">
          All datasets
        </Link>
      </div>
    );
  }
  const rows = items.data?.pages.flatMap((page) => page.data) ?? [];
  const shownVersion = version ?? dataset.data?.current_version;
  const editable = canWrite && version === null;
  const exportHref = (format: "csv" | "jsonl") => `/v1/datasets/${datasetId}/export?format=${format}${shownVersion ? `&version=${shownVersion}` : ""}`;

  return (
    <>
      <PageHeader
        title={dataset.data?.name ?? "Dataset"}
        description={dataset.data?.description ?? undefined}
        actions={
          <div className="flex flex-wrap justify-end gap-2">
            {canWrite ? (
              <>
                <Button onClick={() => setDialog("add")} data-testid="dataset-add-item">
                  Add item
                </Button>
                <Button variant="secondary" onClick={() => setDialog("import")} data-testid="dataset-import">
                  Import
                </Button>
                <Button variant="secondary" onClick={() => setDialog("logs")} data-testid="dataset-from-logs">
                  From logs
                </Button>
              </>
            ) : null}
            <a href={exportHref("csv")} className={linkButton} data-testid="dataset-export-csv" download>
              CSV
            </a>
            <a href={exportHref("jsonl")} className={linkButton} data-testid="dataset-export-jsonl" download>
              JSONL
            </a>
            {canWrite ? (
              <Button variant="ghost" onClick={() => setDialog("delete")} data-testid="dataset-delete" className="text-red-700 dark:text-red-300">
                Delete
              </Button>
            ) : null}
          </div>
        }
      />
      <div className="grid gap-6 p-4 sm:p-6 lg:grid-cols-[1fr_16rem]">
        <div className="min-w-0 space-y-3">
          <p className="text-sm text-zinc-500" data-testid="dataset-summary">
            {dataset.data ? (
              <>
                Version <span data-testid="dataset-version">{shownVersion}</span>
                {version !== null ? " (read-only: an older version)" : ""} · {version === null ? dataset.data.item_count : rows.length}
                {version !== null && items.hasNextPage ? "+" : ""} items
              </>
            ) : (
              "Loading…"
            )}
          </p>
          {version !== null ? (
            <Button variant="secondary" onClick={() => setVersion(null)} data-testid="view-current">
              Back to the current version
            </Button>
          ) : null}
          {items.error ? <QueryError error={items.error} onRetry={() => void items.refetch()} testId="items-error" /> : null}
          {!items.isPending && !items.error && rows.length === 0 ? (
            <EmptyState title="No items" testId="items-empty">
              {editable ? "Add one, or import a CSV or JSON Lines file." : null}
            </EmptyState>
          ) : (
            <Table label="Items" testId="items-table">
              <thead>
                <tr>
                  <Th className="w-10">#</Th>
                  <Th>Variables</Th>
                  <Th>Expected</Th>
                  <Th className="hidden md:table-cell">Metadata</Th>
                  <Th className="w-28">
                    <span className="sr-only">Actions</span>
                  </Th>
                </tr>
              </thead>
              {items.isPending ? (
                <SkeletonRows columns={5} testId="items-loading" />
              ) : (
                <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
                  {rows.map((item, index) => (
                    <ItemRow key={item.id} datasetId={datasetId} item={item} index={index} editable={editable} onDelete={() => setDeletingItem(item.id)} />
                  ))}
                </tbody>
              )}
            </Table>
          )}
          {items.hasNextPage ? (
            <Button variant="secondary" onClick={() => void items.fetchNextPage()} disabled={items.isFetchingNextPage} data-testid="items-more">
              {items.isFetchingNextPage ? "Loading…" : "Load more"}
            </Button>
          ) : null}
        </div>
        <VersionsList datasetId={datasetId} viewing={version} onView={setVersion} />
      </div>

      {dialog === "import" ? <ImportDialog datasetId={datasetId} onClose={() => setDialog(null)} /> : null}
      {dialog === "add" ? <AddItemDialog datasetId={datasetId} onClose={() => setDialog(null)} /> : null}
      {dialog === "logs" ? <FromLogsDialog datasetId={datasetId} onClose={() => setDialog(null)} /> : null}
      <ConfirmDialog
        open={dialog === "delete"}
        title="Delete this dataset?"
        confirmLabel="Delete dataset"
        pending={deleteDataset.isPending}
        testId="dataset-delete-dialog"
        onClose={() => setDialog(null)}
        onConfirm={async () => {
          try {
            await deleteDataset.mutateAsync(datasetId);
            toast.success("Dataset deleted");
            router.push("/datasets");
          } catch (error) {
            toast.error(error);
          }
        }}
      >
        It leaves the Datasets page and the API. Experiments that ran on its versions keep them.
      </ConfirmDialog>
      <ConfirmDialog
        open={deletingItem !== null}
        title="Delete this item?"
        confirmLabel="Delete item"
        pending={deleteItem.isPending}
        testId="item-delete-dialog"
        onClose={() => setDeletingItem(null)}
        onConfirm={async () => {
          try {
            await deleteItem.mutateAsync(deletingItem as string);
            toast.success("Item deleted: a new version");
            setDeletingItem(null);
          } catch (error) {
            toast.error(error);
          }
        }}
      >
        The dataset gets a new version without it; older versions keep it.
      </ConfirmDialog>
    </>
  );
}
