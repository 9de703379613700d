"use client";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { RelativeTime } from "@/components/ui/relative-time";
import { SkeletonRows, Table, Td, Th } from "@/components/ui/table";
import { toast } from "@/components/ui/toast";
import type { ApiKeySummary } from "@/lib/auth/api-key-schemas";
import { useApiKeys, useRevokeApiKey } from "@/lib/hooks/use-api-keys";
import { ApiKeyCreate } from "./api-key-create";
import { QueryError } from "./query-error";
import { SectionHeader } from "./section-header";

export function ApiKeysSection() {
  const keys = useApiKeys();
  const revoke = useRevokeApiKey();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKeySummary | null>(null);

  const confirmRevoke = (key: ApiKeySummary) =>
    revoke.mutate(key.id, {
      onSuccess: () => {
        toast.success(`API key “${key.name}” revoked`);
        setRevoking(null);
      },
      onError: (error) => toast.error(error.message),
    });

  return (
    <section aria-labelledby="api-keys-title" data-testid="api-keys-section">
      <SectionHeader
        id="api-keys-title"
        title="API keys"
        description={
          <>
            For code calling this server (send as <code className="font-mono text-xs">x-portkey-api-key</code>). A key is shown once, when it is
            created; only a hash is stored.
          </>
        }
        action={
          <Button onClick={() => setCreating(true)} data-testid="api-key-new">
            New API key
          </Button>
        }
      />
      {keys.isError ? (
        <QueryError error={keys.error} onRetry={() => keys.refetch()} testId="api-keys-error" />
      ) : keys.data?.data.length === 0 ? (
        <EmptyState title="No API keys yet" testId="api-keys-empty">
          Create one to call prompts from your code with the Portkey SDK.
        </EmptyState>
      ) : (
        <Table label="API keys" testId="api-keys-table">
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Key</Th>
              <Th>Scope</Th>
              <Th>Created</Th>
              <Th>Last used</Th>
              <Th>Status</Th>
              <Th className="text-right">Actions</Th>
            </tr>
          </thead>
          {keys.isPending ? (
            <SkeletonRows columns={7} testId="api-keys-loading" />
          ) : (
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {keys.data.data.map((key) => (
                <tr key={key.id} data-testid={`api-key-row-${key.id}`} data-name={key.name} className={key.revoked_at ? "text-zinc-400 dark:text-zinc-500" : ""}>
                  <Td className="font-medium">{key.name}</Td>
                  <Td className="font-mono text-xs">{key.prefix}…</Td>
                  <Td>
                    <Badge tone={key.scope === "admin" ? "info" : "neutral"}>{key.scope === "admin" ? "Admin" : key.scope === "editor" ? "Editor" : "Completions"}</Badge>
                    {key.rate_limit_per_minute !== null ? (
                      <span className="ml-1 text-xs text-zinc-500" data-testid="api-key-rate-limit">
                        {key.rate_limit_per_minute === 0 ? "unlimited" : `${key.rate_limit_per_minute}/min`}
                      </span>
                    ) : null}
                  </Td>
                  <Td>
                    <RelativeTime iso={key.created_at} />
                  </Td>
                  <Td>
                    <RelativeTime iso={key.last_used_at} empty="Never" />
                  </Td>
                  <Td data-testid="api-key-status">
                    {key.revoked_at ? (
                      <Badge tone="danger" title={new Date(key.revoked_at).toLocaleString()}>
                        Revoked
                      </Badge>
                    ) : (
                      <Badge tone="success">Active</Badge>
                    )}
                  </Td>
                  <Td className="text-right">
                    {key.revoked_at ? (
                      <span className="text-xs">
                        <RelativeTime iso={key.revoked_at} />
                      </span>
                    ) : (
                      <Button
                        variant="ghost"
                        className="text-red-600! hover:bg-red-50! dark:text-red-400! dark:hover:bg-red-950!"
                        onClick={() => setRevoking(key)}
                        data-testid={`api-key-revoke-${key.id}`}
                        aria-label={`Revoke ${key.name}`}
                      >
                        Revoke
                      </Button>
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          )}
        </Table>
      )}
      <Dialog open={creating} onClose={() => setCreating(false)} title="New API key" testId="api-key-dialog">
        <ApiKeyCreate onDone={() => setCreating(false)} />
      </Dialog>
      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke “${revoking?.name ?? ""}”?`}
        confirmLabel="Revoke key"
        pending={revoke.isPending}
        onConfirm={() => revoking && confirmRevoke(revoking)}
        onClose={() => setRevoking(null)}
      >
        Requests using this key will be refused at once. It stays listed as revoked; this cannot be undone.
      </ConfirmDialog>
    </section>
  );
}
