"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { RelativeTime } from "@/components/ui/relative-time";
import { SkeletonRows, Table, Td, Th } from "@/components/ui/table";
import { toast } from "@/components/ui/toast";
import { useProviders } from "@/lib/hooks/use-providers";
import { useDeleteVirtualKey, useVirtualKeys, type VirtualKey } from "@/lib/hooks/use-virtual-keys";
import { NEEDS_SECRET } from "@/lib/virtual-keys/status";
import { QueryError } from "./query-error";
import { SectionHeader } from "./section-header";
import { VirtualKeyForm } from "./virtual-key-form";

export function VirtualKeysSection() {
  const keys = useVirtualKeys();
  const providers = useProviders();
  const remove = useDeleteVirtualKey();
  const [editing, setEditing] = useState<VirtualKey | "new" | null>(null);
  const [deleting, setDeleting] = useState<VirtualKey | null>(null);
  const providerName = (id: string) => providers.data?.data.find((p) => p.id === id)?.displayName ?? id;

  const confirmDelete = (key: VirtualKey) =>
    remove.mutate(key.slug, {
      onSuccess: () => {
        toast.success(`Virtual key “${key.name}” deleted`);
        setDeleting(null);
      },
      onError: (error) => toast.error(error.message),
    });

  return (
    <section aria-labelledby="virtual-keys-title" data-testid="virtual-keys-section">
      <SectionHeader
        id="virtual-keys-title"
        title="Virtual keys"
        description="Provider credentials, encrypted at rest. Prompts refer to a virtual key; the secret itself is never shown again or sent back."
        action={
          <Button onClick={() => setEditing("new")} data-testid="virtual-key-new">
            New virtual key
          </Button>
        }
      />
      {keys.isError ? (
        <QueryError error={keys.error} onRetry={() => keys.refetch()} testId="virtual-keys-error" />
      ) : keys.data?.data.length === 0 ? (
        <EmptyState title="No virtual keys yet" testId="virtual-keys-empty">
          Add your provider&apos;s API key to run prompts against it.
        </EmptyState>
      ) : (
        <Table label="Virtual keys" testId="virtual-keys-table">
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Provider</Th>
              <Th>Key</Th>
              <Th>Endpoint</Th>
              <Th>Created</Th>
              <Th className="text-right">Actions</Th>
            </tr>
          </thead>
          {keys.isPending ? (
            <SkeletonRows columns={6} testId="virtual-keys-loading" />
          ) : (
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {keys.data.data.map((key) => (
                <tr key={key.id} data-testid={`virtual-key-row-${key.slug}`}>
                  <Td>
                    <div className="font-medium">{key.name}</div>
                    <div className="font-mono text-xs text-zinc-500">{key.slug}</div>
                    {key.note ? <div className="mt-0.5 max-w-xs truncate text-xs text-zinc-500" title={key.note}>{key.note}</div> : null}
                  </Td>
                  <Td>{providerName(key.ai_provider_name)}</Td>
                  <Td className="font-mono text-xs" data-testid="virtual-key-masked">
                    {key.status === NEEDS_SECRET ? (
                      <span className="font-sans text-amber-700 dark:text-amber-400">needs a new key (host changed)</span>
                    ) : (
                      key.masked_api_key || <span className="font-sans text-zinc-400">none</span>
                    )}
                  </Td>
                  <Td className="max-w-xs text-xs text-zinc-600 dark:text-zinc-400">
                    <Endpoint virtualKey={key} />
                  </Td>
                  <Td className="text-zinc-500">
                    <RelativeTime iso={key.created_at} />
                  </Td>
                  <Td className="text-right whitespace-nowrap">
                    <Button variant="ghost" onClick={() => setEditing(key)} data-testid={`virtual-key-edit-${key.slug}`} aria-label={`Edit ${key.name}`}>
                      Edit
                    </Button>
                    <Button
                      variant="ghost"
                      className="text-red-600! hover:bg-red-50! dark:text-red-400! dark:hover:bg-red-950!"
                      onClick={() => setDeleting(key)}
                      data-testid={`virtual-key-delete-${key.slug}`}
                      aria-label={`Delete ${key.name}`}
                    >
                      Delete
                    </Button>
                  </Td>
                </tr>
              ))}
            </tbody>
          )}
        </Table>
      )}
      <Dialog
        open={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === "new" ? "New virtual key" : `Edit ${editing?.name ?? ""}`}
        description={editing === "new" ? "The key is encrypted before it is stored; only a masked form is ever shown." : "Leave the key empty to keep the current one."}
        testId="virtual-key-dialog"
      >
        {editing ? <VirtualKeyForm existing={editing === "new" ? null : editing} providers={providers.data?.data} onDone={() => setEditing(null)} /> : null}
      </Dialog>
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete “${deleting?.name ?? ""}”?`}
        confirmLabel="Delete virtual key"
        pending={remove.isPending}
        onConfirm={() => deleting && confirmDelete(deleting)}
        onClose={() => setDeleting(null)}
      >
        Prompt versions that use this key keep their settings but can no longer run until they get another key. This cannot be undone.
      </ConfirmDialog>
    </section>
  );
}

function Endpoint({ virtualKey: key }: { virtualKey: VirtualKey }) {
  const azure = [key.resource_name && `resource ${key.resource_name}`, key.deployment_name && `deployment ${key.deployment_name}`, key.api_version && `api ${key.api_version}`]
    .filter(Boolean)
    .join(" · ");
  if (!key.custom_host && !azure) return <span className="text-zinc-400">Provider default</span>;
  return (
    <>
      {key.custom_host ? <div className="truncate font-mono" title={key.custom_host}>{key.custom_host}</div> : null}
      {azure ? <div className="truncate">{azure}</div> : null}
    </>
  );
}
