"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { Button } from "@/components/ui/button";
import { PLAIN_FILTERS, useLogs, type LogFilters as Filters } from "@/lib/hooks/use-logs";
import { LOG_STATUSES, type LogStatus } from "@/lib/logs/schemas";
import { LogDrawer } from "./log-drawer";
import { LogExportButton } from "./log-export-button";
import { LogFilters } from "./log-filters";
import { LogsTable } from "./logs-table";

const FILTER_KEYS = ["prompt", "status", "range", "from", "to", "metadata", ...PLAIN_FILTERS] as const;

/**
 * The Logs page: filters and the open log live in the URL (?status=error&log=ID), so a view
 * can be shared, reloaded, and the back button closes the drawer.
 */
export function LogsView() {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const filters = useMemo<Filters>(() => {
    const status = search.get("status");
    return {
      prompt: search.get("prompt") || undefined,
      status: LOG_STATUSES.includes(status as LogStatus) ? (status as LogStatus) : undefined,
      range: search.get("range") || undefined,
      from: search.get("from") || undefined,
      to: search.get("to") || undefined,
      metadata: search.get("metadata") || undefined,
      ...Object.fromEntries(PLAIN_FILTERS.map((key) => [key, search.get(key) || undefined])),
    };
  }, [search]);
  const openId = search.get("log");
  const logs = useLogs(filters);

  const navigate = useCallback(
    (next: Filters, log: string | null, push = false) => {
      const params = new URLSearchParams();
      for (const key of FILTER_KEYS) if (next[key]) params.set(key, next[key] as string);
      if (log) params.set("log", log);
      const url = params.size ? `${pathname}?${params}` : pathname;
      if (push) router.push(url, { scroll: false });
      else router.replace(url, { scroll: false });
    },
    [pathname, router],
  );

  const rows = logs.data?.pages.flatMap((page) => page.data) ?? [];
  const filtered = FILTER_KEYS.some((key) => filters[key]);

  return (
    <div className="space-y-4 px-6 py-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <LogFilters filters={filters} onChange={(next) => navigate(next, null)} />
        <div className="flex items-end gap-3">
          <LogExportButton filters={filters} />
          <Button variant="secondary" onClick={() => logs.refetch()} disabled={logs.isFetching} data-testid="logs-refresh">
          {logs.isFetching && !logs.isFetchingNextPage ? "Refreshing…" : "Refresh"}
          </Button>
        </div>
      </div>
      <LogsTable
        query={logs}
        rows={rows}
        filtered={filtered}
        onOpen={(id) => navigate(filters, id, true)}
        onClearFilters={() => navigate({}, null)}
      />
      <LogDrawer id={openId} onClose={() => navigate(filters, null)} />
    </div>
  );
}
