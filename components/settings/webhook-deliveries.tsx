"use client";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { RelativeTime } from "@/components/ui/relative-time";
import { SkeletonRows, Table, Td, Th } from "@/components/ui/table";
import { toast } from "@/components/ui/toast";
import { usePingWebhook, useRedeliver, useWebhookDeliveries } from "@/lib/hooks/use-webhooks";
import type { WebhookSummary } from "@/lib/webhooks/schemas";
import { QueryError } from "./query-error";

const TONE: Record<string, BadgeTone> = { succeeded: "success", failed: "danger", pending: "warning", delivering: "info" };

/** One endpoint's delivery log: status, response code, attempts; redeliver and a test ping. */
export function WebhookDeliveries({ webhook }: { webhook: WebhookSummary }) {
  const deliveries = useWebhookDeliveries(webhook.id);
  const redeliver = useRedeliver(webhook.id);
  const ping = usePingWebhook(webhook.id);
  return (
    <div className="space-y-3" data-testid="webhook-deliveries">
      <div className="flex items-center justify-between">
        <p className="text-sm text-zinc-500">
          Deliveries to <span className="font-mono text-xs">{webhook.url}</span>, newest first. A failed delivery is retried with backoff for 24 hours.
        </p>
        <Button variant="secondary" onClick={() => ping.mutate(undefined, { onSuccess: () => toast.success("Ping queued"), onError: (e) => toast.error(e.message) })} data-testid="webhook-ping">
          Send test ping
        </Button>
      </div>
      {deliveries.isError ? (
        <QueryError error={deliveries.error} onRetry={() => deliveries.refetch()} testId="webhook-deliveries-error" />
      ) : deliveries.data?.data.length === 0 ? (
        <EmptyState title="No deliveries yet" testId="webhook-deliveries-empty">
          Events this webhook subscribes to appear here once they happen.
        </EmptyState>
      ) : (
        <Table label="Webhook deliveries" testId="webhook-deliveries-table">
          <thead>
            <tr>
              <Th>Event</Th>
              <Th>Status</Th>
              <Th>Response</Th>
              <Th>Attempts</Th>
              <Th>Last attempt</Th>
              <Th className="text-right">Actions</Th>
            </tr>
          </thead>
          {deliveries.isPending ? (
            <SkeletonRows columns={6} testId="webhook-deliveries-loading" />
          ) : (
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {deliveries.data.data.map((row) => (
                <tr key={row.id} data-testid="webhook-delivery-row" data-event-type={row.event_type} data-status={row.status}>
                  <Td>
                    <span className="font-medium">{row.event_type}</span>
                    <span className="block font-mono text-xs text-zinc-500" title="webhook-id">
                      {row.event_id}
                    </span>
                  </Td>
                  <Td>
                    <Badge tone={TONE[row.status] ?? "neutral"} testId="webhook-delivery-status">
                      {row.status}
                    </Badge>
                  </Td>
                  <Td data-testid="webhook-delivery-code" title={row.error ?? undefined}>
                    {row.response_code ?? (row.error ? "no answer" : "–")}
                  </Td>
                  <Td>{row.attempts}</Td>
                  <Td>
                    <RelativeTime iso={row.last_attempt_at} empty="Not yet" />
                  </Td>
                  <Td className="text-right">
                    <Button
                      variant="ghost"
                      disabled={row.status === "delivering" || redeliver.isPending}
                      onClick={() => redeliver.mutate(row.id, { onSuccess: () => toast.success("Queued for redelivery"), onError: (e) => toast.error(e.message) })}
                      data-testid="webhook-redeliver"
                    >
                      Redeliver
                    </Button>
                  </Td>
                </tr>
              ))}
            </tbody>
          )}
        </Table>
      )}
    </div>
  );
}
