"use client";
import { useState } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { RelativeTime } from "@/components/ui/relative-time";
import { SkeletonRows, Table, Td, Th } from "@/components/ui/table";
import { TextField } from "@/components/ui/text-field";
import { auditQueryString, useAuditLogs, type AuditFilters } from "@/lib/hooks/use-audit-logs";
import { QueryError } from "./query-error";
import { SectionHeader } from "./section-header";

const short = (value: unknown) => (value === null || value === undefined ? "" : JSON.stringify(value));

/** Every change by a member or key, newest first; filters; the same filter exported as JSON Lines. */
export function AuditLogSection() {
  const [filters, setFilters] = useState<AuditFilters>({});
  const logs = useAuditLogs(filters);
  const set = (name: keyof AuditFilters) => (event: { target: { value: string } }) => setFilters((current) => ({ ...current, [name]: event.target.value || undefined }));
  return (
    <section aria-labelledby="audit-title" data-testid="audit-log-section">
      <SectionHeader
        id="audit-title"
        title="Audit log"
        description="Every change made by a member or an API key: who, what, the target, before and after, and the address it came from. Append-only; secrets are never recorded."
        action={
          <a
            href={`/v1/audit-logs/export?${auditQueryString(filters)}`}
            className="rounded-md border border-zinc-300 px-3 py-2 text-sm font-medium hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-900"
            data-testid="audit-export"
          >
            Export JSONL
          </a>
        }
      />
      <div className="mb-4 grid grid-cols-3 gap-3">
        <TextField id="audit-actor" label="Who" placeholder="email or API key" value={filters.actor ?? ""} onChange={set("actor")} />
        <TextField id="audit-action" label="Action" placeholder="label.move, or prompt. for all" value={filters.action ?? ""} onChange={set("action")} />
        <TextField id="audit-target" label="Target type" placeholder="prompt, label, api_key…" value={filters.target_type ?? ""} onChange={set("target_type")} />
      </div>
      {logs.isError ? (
        <QueryError error={logs.error} onRetry={() => logs.refetch()} testId="audit-error" />
      ) : logs.data?.data.length === 0 ? (
        <EmptyState title="Nothing recorded" testId="audit-empty">
          No change matches these filters.
        </EmptyState>
      ) : (
        <Table label="Audit log" testId="audit-table">
          <thead>
            <tr>
              <Th>When</Th>
              <Th>Who</Th>
              <Th>Action</Th>
              <Th>Target</Th>
              <Th>Change</Th>
              <Th>IP</Th>
            </tr>
          </thead>
          {logs.isPending ? (
            <SkeletonRows columns={6} testId="audit-loading" />
          ) : (
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {logs.data.data.map((row) => (
                <tr key={row.id} data-testid="audit-row" data-action={row.action}>
                  <Td>
                    <RelativeTime iso={row.created_at} />
                  </Td>
                  <Td>{row.actor}</Td>
                  <Td className="font-mono text-xs">{row.action}</Td>
                  <Td>
                    {row.target_type} <span className="text-zinc-500">{row.target_name ?? row.target_id ?? ""}</span>
                  </Td>
                  <Td className="max-w-md truncate font-mono text-xs" title={`before: ${short(row.before)}\nafter: ${short(row.after)}`}>
                    {row.before !== null ? <span className="text-zinc-500">{short(row.before)} → </span> : null}
                    {short(row.after)}
                  </Td>
                  <Td className="font-mono text-xs">{row.ip ?? ""}</Td>
                </tr>
              ))}
            </tbody>
          )}
        </Table>
      )}
    </section>
  );
}
