"use client";
import type { UseInfiniteQueryResult, InfiniteData } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorAlert } from "@/components/ui/alert";
import { RelativeTime } from "@/components/ui/relative-time";
import { SkeletonRows, Table, Td, Th } from "@/components/ui/table";
import { usePromptOptions } from "@/lib/hooks/use-logs";
import { formatCost } from "@/lib/costs/format";
import type { LogList, LogSummary } from "@/lib/logs/schemas";
import { formatCount, formatLogTime, formatMs } from "./format";
import { LogStatusBadge, VersionBadge } from "./log-status-badge";

type Props = {
  query: UseInfiniteQueryResult<InfiniteData<LogList>, Error>;
  rows: LogSummary[];
  filtered: boolean;
  onOpen: (id: string) => void;
  onClearFilters: () => void;
};

export function LogsTable({ query, rows, filtered, onOpen, onClearFilters }: Props) {
  const prompts = usePromptOptions();
  const promptName = (log: LogSummary) => prompts.data?.find((p) => p.id === log.prompt_id)?.name;

  if (query.isError && rows.length === 0) {
    return (
      <ErrorAlert testId="logs-error">
        Could not load logs: {query.error.message}{" "}
        <button type="button" onClick={() => query.refetch()} className="font-medium underline underline-offset-2">
          Try again
        </button>
      </ErrorAlert>
    );
  }
  if (query.isSuccess && rows.length === 0) {
    return filtered ? (
      <EmptyState title="No logs match these filters" testId="logs-empty">
        <Button variant="secondary" onClick={onClearFilters} className="mt-2">
          Clear filters
        </Button>
      </EmptyState>
    ) : (
      <EmptyState title="No completions logged yet" testId="logs-empty">
        Every run of a prompt (from the API or the playground) appears here a moment after it ends.
      </EmptyState>
    );
  }

  return (
    <div className="space-y-3">
      <Table label="Completion logs" testId="logs-table">
        <thead>
          <tr>
            <Th>Time</Th>
            <Th>Prompt</Th>
            <Th>Version</Th>
            <Th>Model</Th>
            <Th>Status</Th>
            <Th className="text-right">Latency</Th>
            <Th className="text-right">Tokens</Th>
            <Th className="text-right">Cost</Th>
          </tr>
        </thead>
        {query.isPending ? (
          <SkeletonRows rows={6} columns={8} testId="logs-loading" />
        ) : (
          <tbody className={`divide-y divide-zinc-100 dark:divide-zinc-800 ${query.isPlaceholderData ? "opacity-60" : ""}`}>
            {rows.map((log) => (
              <tr
                key={log.id}
                data-testid="log-row"
                data-log-id={log.id}
                data-status={log.status}
                onClick={() => onOpen(log.id)}
                className="cursor-pointer hover:bg-zinc-50 dark:hover:bg-zinc-900"
              >
                <Td className="whitespace-nowrap">
                  {/* The row is clickable; this button makes it reachable by keyboard too. */}
                  <button
                    type="button"
                    onClick={(event) => {
                      event.stopPropagation();
                      onOpen(log.id);
                    }}
                    className="rounded text-left font-medium hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500"
                    aria-label={`Open log from ${formatLogTime(log.created_at)}`}
                  >
                    {formatLogTime(log.created_at)}
                  </button>
                  <div className="text-xs text-zinc-500">
                    <RelativeTime iso={log.created_at} />
                  </div>
                </Td>
                <Td className="max-w-56">
                  <div className="truncate font-medium">{promptName(log) ?? log.prompt_slug ?? "—"}</div>
                  {promptName(log) ? <div className="truncate font-mono text-xs text-zinc-500">{log.prompt_slug}</div> : null}
                </Td>
                <Td>
                  <VersionBadge version={log.prompt_version} isDraft={log.is_draft} />
                </Td>
                <Td className="max-w-48">
                  <div className="truncate font-mono text-xs">{log.model ?? "—"}</div>
                  <div className="text-xs text-zinc-500">
                    {log.provider}
                    {log.stream ? " · stream" : ""}
                  </div>
                </Td>
                <Td>
                  <LogStatusBadge status={log.status} httpStatus={log.http_status} testId="log-row-status" />
                </Td>
                <Td className="text-right whitespace-nowrap tabular-nums">
                  {formatMs(log.latency_ms)}
                  {log.ttft_ms !== null ? <div className="text-xs text-zinc-500">TTFT {formatMs(log.ttft_ms)}</div> : null}
                </Td>
                <Td className="text-right tabular-nums">{formatCount(log.total_tokens)}</Td>
                <Td className={`text-right tabular-nums ${log.cost_usd === null ? "text-zinc-500" : ""}`} data-testid="log-row-cost">
                  {formatCost(log.cost_usd)}
                </Td>
              </tr>
            ))}
          </tbody>
        )}
      </Table>
      <div className="flex items-center justify-between text-sm text-zinc-500">
        <span data-testid="logs-count">{rows.length > 0 ? `${rows.length} log${rows.length === 1 ? "" : "s"} shown, newest first` : ""}</span>
        {query.hasNextPage ? (
          <Button variant="secondary" onClick={() => query.fetchNextPage()} disabled={query.isFetchingNextPage} data-testid="logs-load-more">
            {query.isFetchingNextPage ? "Loading…" : "Load older logs"}
          </Button>
        ) : null}
      </div>
      {query.isError && rows.length > 0 ? <ErrorAlert testId="logs-error">{query.error.message}</ErrorAlert> : null}
    </div>
  );
}
