"use client";
import { useState } from "react";
import { PageHeader } from "@/components/layout/page-header";
import { QueryError } from "@/components/settings/query-error";
import { EmptyState } from "@/components/ui/empty-state";
import { RelativeTime } from "@/components/ui/relative-time";
import { SkeletonRows, Table, Td, Th } from "@/components/ui/table";
import { inputClass } from "@/components/ui/text-field";
import { useReleaseRequests } from "@/lib/hooks/use-release-requests";
import { RELEASE_STATUSES, type ReleaseStatus } from "@/lib/releases/schemas";
import { ReleaseDetail } from "./release-detail";
import { ReleaseStatusBadge } from "./status-badge";

/** The Releases page: release requests to review, approve and merge, open ones first. */
export function ReleasesView() {
  const [status, setStatus] = useState<ReleaseStatus | "all">("open");
  const [selected, setSelected] = useState<string | null>(null);
  const requests = useReleaseRequests(status === "all" ? {} : { status });
  const rows = requests.data?.data ?? [];

  return (
    <>
      <PageHeader
        title="Releases"
        description="Requests to point a protected label at a new version. Members other than the author review the diff and approve; once the label's approvals are in, the request is merged and the label moves."
      />
      <div className="space-y-4 p-4 sm:p-6">
        <label className="flex max-w-xs items-center gap-2 text-sm">
          <span className="shrink-0 text-zinc-600 dark:text-zinc-400">Status</span>
          <select
            aria-label="Status"
            data-testid="release-status-filter"
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as ReleaseStatus | "all");
              setSelected(null);
            }}
            className={inputClass}
          >
            {RELEASE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
            <option value="all">all</option>
          </select>
        </label>
        {requests.error ? <QueryError error={requests.error} onRetry={() => void requests.refetch()} testId="releases-error" /> : null}
        {!requests.isPending && !requests.error && rows.length === 0 ? (
          <EmptyState title={status === "open" ? "No release waiting for review" : `No ${status === "all" ? "" : `${status} `}release requests`} testId="releases-empty">
            {status === "open" ? "A member who may not move a protected label requests a release from a version's label menu on the prompt page." : null}
          </EmptyState>
        ) : (
          <Table label="Release requests" testId="releases-table">
            <thead>
              <tr>
                <Th>Prompt</Th>
                <Th>Release</Th>
                <Th className="hidden sm:table-cell">Author</Th>
                <Th className="text-right">Approvals</Th>
                <Th>Status</Th>
                <Th className="hidden md:table-cell">Opened</Th>
              </tr>
            </thead>
            {requests.isPending ? (
              <SkeletonRows columns={6} testId="releases-loading" />
            ) : (
              <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
                {rows.map((row) => (
                  <tr key={row.id} data-testid="release-row" data-status={row.status} aria-selected={selected === row.id} className={selected === row.id ? "bg-indigo-50/60 dark:bg-indigo-950/40" : undefined}>
                    <Td>
                      <button type="button" onClick={() => setSelected(row.id)} className="text-left font-medium text-indigo-700 hover:underline dark:text-indigo-300" data-testid="release-open">
                        {row.prompt.name}
                      </button>
                    </Td>
                    <Td className="whitespace-nowrap tabular-nums">
                      {row.label.name} {row.base_version === null ? "" : `v${row.base_version} → `}v{row.version}
                    </Td>
                    <Td className="hidden text-zinc-600 sm:table-cell dark:text-zinc-400">{row.author}</Td>
                    <Td className="text-right tabular-nums" data-testid="release-approvals">
                      {row.approvals}/{row.required_approvals}
                    </Td>
                    <Td>
                      <ReleaseStatusBadge status={row.status} />
                    </Td>
                    <Td className="hidden text-zinc-500 md:table-cell">
                      <RelativeTime iso={row.created_at} />
                    </Td>
                  </tr>
                ))}
              </tbody>
            )}
          </Table>
        )}
        {selected ? <ReleaseDetail id={selected} onClose={() => setSelected(null)} /> : null}
      </div>
    </>
  );
}
