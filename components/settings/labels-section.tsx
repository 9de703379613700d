"use client";
import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { SkeletonRows, Table, Th } from "@/components/ui/table";
import { toast } from "@/components/ui/toast";
import { useLabels, type Label } from "@/lib/hooks/use-labels";
import { useDeleteLabel } from "./use-label-mutations";
import { LabelCreateForm } from "./label-create-form";
import { LabelRow } from "./label-row";
import { QueryError } from "./query-error";
import { SectionHeader } from "./section-header";

export function LabelsSection() {
  const labels = useLabels();
  const remove = useDeleteLabel();
  const [deleting, setDeleting] = useState<Label | null>(null);

  const confirmDelete = (label: Label) =>
    remove.mutate(label.id, {
      onSuccess: () => {
        toast.success(`Label “${label.name}” deleted`);
        setDeleting(null);
      },
      onError: (error) => toast.error(error.message),
    });

  return (
    <section aria-labelledby="labels-title" data-testid="labels-section">
      <SectionHeader
        id="labels-title"
        title="Labels"
        description={
          <>
            Named pointers to prompt versions, used as <code className="font-mono text-xs">prompt-id@label</code>. The system labels production,
            staging and development always exist.
          </>
        }
      />
      <LabelCreateForm />
      {labels.isError ? (
        <QueryError error={labels.error} onRetry={() => labels.refetch()} testId="labels-error" />
      ) : labels.data?.data.length === 0 ? (
        <EmptyState title="No labels yet" testId="labels-empty" />
      ) : (
        <Table label="Labels" testId="labels-table">
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Description</Th>
              <Th>Kind</Th>
              <Th>Updated</Th>
              <Th className="text-right">Actions</Th>
            </tr>
          </thead>
          {labels.isPending ? (
            <SkeletonRows columns={5} testId="labels-loading" />
          ) : (
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {labels.data.data.map((label) => (
                <LabelRow key={label.id} label={label} onDelete={() => setDeleting(label)} />
              ))}
            </tbody>
          )}
        </Table>
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete label “${deleting?.name ?? ""}”?`}
        confirmLabel="Delete label"
        pending={remove.isPending}
        onConfirm={() => deleting && confirmDelete(deleting)}
        onClose={() => setDeleting(null)}
      >
        Prompts lose this label (their versions stay); callers using <code className="font-mono">@{deleting?.name}</code> will get a 404.
      </ConfirmDialog>
    </section>
  );
}
