"use client";
import { useState } from "react";
import { LogDrawer } from "@/components/logs/log-drawer";
import { formatLogTime, formatMs } from "@/components/logs/format";
import { LogStatusBadge, VersionBadge } from "@/components/logs/log-status-badge";
import { ErrorAlert } from "@/components/ui/alert";
import { SkeletonRows, Table, Td, Th } from "@/components/ui/table";
import { formatCost } from "@/lib/costs/format";
import type { AnalyticsFilters } from "@/lib/hooks/use-analytics";
import { useLogs } from "@/lib/hooks/use-logs";

const SHOWN = 10;

/** The prompt's latest calls in the range; a click opens the call (and from there the playground). */
export function RecentCalls({ promptId, filters }: { promptId: string; filters: AnalyticsFilters }) {
  const logs = useLogs({ prompt: promptId, range: filters.range });
  const [open, setOpen] = useState<string | null>(null);
  const rows = (logs.data?.pages[0]?.data ?? []).filter((row) => !filters.version || row.prompt_version === filters.version).slice(0, SHOWN);
  return (
    <section aria-label="Latest calls" className="space-y-2">
      <h2 className="text-sm font-medium">Latest calls</h2>
      {logs.isError ? (
        <ErrorAlert testId="metrics-calls-error">Could not load the calls: {logs.error.message}</ErrorAlert>
      ) : (
        <Table label="Latest calls" testId="metrics-calls">
          <thead>
            <tr>
              <Th>Time</Th>
              <Th>Version</Th>
              <Th>Status</Th>
              <Th className="text-right">Latency</Th>
              <Th className="text-right">Cost</Th>
            </tr>
          </thead>
          {logs.isPending ? (
            <SkeletonRows columns={5} testId="metrics-calls-loading" />
          ) : (
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {rows.length === 0 ? (
                <tr>
                  <Td colSpan={5} className="py-6 text-center text-zinc-500" data-testid="metrics-calls-empty">
                    No calls in this range.
                  </Td>
                </tr>
              ) : null}
              {rows.map((row) => (
                <tr
                  key={row.id}
                  data-testid="metrics-call"
                  tabIndex={0}
                  onClick={() => setOpen(row.id)}
                  onKeyDown={(event) => (event.key === "Enter" || event.key === " ") && setOpen(row.id)}
                  className="cursor-pointer hover:bg-zinc-50 focus-visible:bg-zinc-50 focus-visible:outline-none dark:hover:bg-zinc-900 dark:focus-visible:bg-zinc-900"
                >
                  <Td className="whitespace-nowrap">{formatLogTime(row.created_at)}</Td>
                  <Td>
                    <VersionBadge version={row.prompt_version} isDraft={row.is_draft} />
                  </Td>
                  <Td>
                    <LogStatusBadge status={row.status} httpStatus={row.http_status} />
                  </Td>
                  <Td className="text-right tabular-nums">{formatMs(row.latency_ms)}</Td>
                  <Td className="text-right tabular-nums">{formatCost(row.cost_usd)}</Td>
                </tr>
              ))}
            </tbody>
          )}
        </Table>
      )}
      <LogDrawer id={open} onClose={() => setOpen(null)} />
    </section>
  );
}
