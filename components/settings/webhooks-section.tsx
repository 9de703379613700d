"use client";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { SkeletonRows, Table, Td, Th } from "@/components/ui/table";
import { toast } from "@/components/ui/toast";
import { useDeleteWebhook, useRotateWebhookSecret, useWebhooks } from "@/lib/hooks/use-webhooks";
import type { WebhookSummary } from "@/lib/webhooks/schemas";
import { QueryError } from "./query-error";
import { SectionHeader } from "./section-header";
import { ShownOnce } from "./shown-once";
import { WebhookCreate } from "./webhook-create";
import { WebhookDeliveries } from "./webhook-deliveries";

export function WebhooksSection() {
  const hooks = useWebhooks();
  const remove = useDeleteWebhook();
  const rotate = useRotateWebhookSecret();
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<WebhookSummary | null>(null);
  const [deleting, setDeleting] = useState<WebhookSummary | null>(null);

  return (
    <section aria-labelledby="webhooks-title" data-testid="webhooks-section">
      <SectionHeader
        id="webhooks-title"
        title="Webhooks"
        description={
          <>
            Signed HTTP callbacks when versions, labels, partials, releases or experiments change. Each request carries{" "}
            <code className="font-mono text-xs">webhook-id</code>, <code className="font-mono text-xs">webhook-timestamp</code> and{" "}
            <code className="font-mono text-xs">webhook-signature</code> (Standard Webhooks); receivers dedupe on the id.
          </>
        }
        action={
          <Button onClick={() => setCreating(true)} data-testid="webhook-new">
            New webhook
          </Button>
        }
      />
      {hooks.isError ? (
        <QueryError error={hooks.error} onRetry={() => hooks.refetch()} testId="webhooks-error" />
      ) : hooks.data?.data.length === 0 ? (
        <EmptyState title="No webhooks yet" testId="webhooks-empty">
          Add one to tell your deploy pipeline or chat when a prompt is released.
        </EmptyState>
      ) : (
        <Table label="Webhooks" testId="webhooks-table">
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>URL</Th>
              <Th>Events</Th>
              <Th>Status</Th>
              <Th className="text-right">Actions</Th>
            </tr>
          </thead>
          {hooks.isPending ? (
            <SkeletonRows columns={5} testId="webhooks-loading" />
          ) : (
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {hooks.data.data.map((hook) => (
                <tr key={hook.id} data-testid={`webhook-row-${hook.id}`} data-name={hook.name}>
                  <Td className="font-medium">{hook.name}</Td>
                  <Td className="max-w-xs truncate font-mono text-xs">{hook.url}</Td>
                  <Td className="text-xs">{hook.events.join(", ")}</Td>
                  <Td>{hook.enabled ? <Badge tone="success">Enabled</Badge> : <Badge>Disabled</Badge>}</Td>
                  <Td className="space-x-1 text-right whitespace-nowrap">
                    <Button variant="secondary" onClick={() => setOpen(hook)} data-testid={`webhook-deliveries-${hook.id}`}>
                      Deliveries
                    </Button>
                    <Button variant="ghost" onClick={() => rotate.mutate(hook.id, { onError: (e) => toast.error(e.message) })} data-testid={`webhook-rotate-${hook.id}`}>
                      Rotate secret
                    </Button>
                    <Button variant="ghost" className="text-red-600! dark:text-red-400!" onClick={() => setDeleting(hook)} aria-label={`Delete ${hook.name}`}>
                      Delete
                    </Button>
                  </Td>
                </tr>
              ))}
            </tbody>
          )}
        </Table>
      )}
      <Dialog open={creating} onClose={() => setCreating(false)} title="New webhook" testId="webhook-dialog">
        <WebhookCreate onDone={() => setCreating(false)} />
      </Dialog>
      <Dialog open={open !== null} onClose={() => setOpen(null)} title={`Deliveries: ${open?.name ?? ""}`} testId="webhook-deliveries-dialog">
        {open ? <WebhookDeliveries webhook={open} /> : null}
      </Dialog>
      <Dialog open={Boolean(rotate.data?.secret)} onClose={() => rotate.reset()} title="New signing secret" testId="webhook-rotated-dialog">
        {rotate.data?.secret ? (
          <ShownOnce notice={<>The old secret no longer signs. Copy the new one now: it will not be shown again.</>} value={rotate.data.secret} label="New webhook signing secret" testIdPrefix="webhook-rotated" onDone={() => rotate.reset()} />
        ) : null}
      </Dialog>
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete “${deleting?.name ?? ""}”?`}
        confirmLabel="Delete webhook"
        pending={remove.isPending}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              toast.success(`Webhook “${deleting.name}” deleted`);
              setDeleting(null);
            },
            onError: (e) => toast.error(e.message),
          })
        }
        onClose={() => setDeleting(null)}
      >
        Its pending deliveries and delivery log go with it.
      </ConfirmDialog>
    </section>
  );
}
