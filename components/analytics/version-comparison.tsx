"use client";
import Link from "next/link";
import { ErrorAlert } from "@/components/ui/alert";
import { SkeletonRows, Table, Td, Th } from "@/components/ui/table";
import type { VersionPassRate } from "@/lib/experiments/results-view";
import { useAnalyticsGroups, type AnalyticsFilters } from "@/lib/hooks/use-analytics";

const number = new Intl.NumberFormat();
const percent = (part: number, whole: number) => (whole ? `${(Math.round((part * 1000) / whole) / 10).toFixed(1)}%` : "—");

/** Version against version over the chosen range: speed, failures, cost, feedback, evaluation. */
export function VersionComparison({ filters, passRates }: { filters: AnalyticsFilters; passRates: ReadonlyMap<number, VersionPassRate> }) {
  // The table compares versions: a version filter would leave one row, so it is not applied here.
  const groups = useAnalyticsGroups("prompt-versions", { ...filters, version: undefined });
  const rows = [...(groups.data ?? [])].sort((a, b) => (b.prompt_version ?? 0) - (a.prompt_version ?? 0));
  return (
    <section aria-label="Versions compared" className="space-y-2">
      <h2 className="text-sm font-medium">Versions compared</h2>
      {groups.isError ? (
        <ErrorAlert testId="metrics-versions-error">Could not load the versions&apos; numbers: {groups.error.message}</ErrorAlert>
      ) : (
        <Table label="Versions compared" testId="metrics-versions">
          <thead>
            <tr>
              <Th>Version</Th>
              <Th className="text-right">Calls</Th>
              <Th className="text-right">Error rate</Th>
              <Th className="text-right">Latency p50 / p95</Th>
              <Th className="text-right">Cost per call</Th>
              <Th className="text-right">Feedback</Th>
              <Th className="text-right">Last experiment</Th>
            </tr>
          </thead>
          {groups.isPending ? (
            <SkeletonRows columns={7} testId="metrics-versions-loading" />
          ) : (
            <tbody className="divide-y divide-zinc-100 tabular-nums dark:divide-zinc-800">
              {rows.length === 0 ? (
                <tr>
                  <Td colSpan={7} className="py-6 text-center text-zinc-500" data-testid="metrics-versions-empty">
                    No calls in this range.
                  </Td>
                </tr>
              ) : null}
              {rows.map((row) => {
                const version = row.prompt_version ?? 0;
                const rate = passRates.get(version);
                return (
                  <tr key={version} data-testid={`metrics-version-${version}`}>
                    <Td className="font-semibold">v{version}</Td>
                    <Td className="text-right" data-testid={`metrics-version-${version}-calls`}>
                      {number.format(row.requests)}
                    </Td>
                    <Td className="text-right" data-testid={`metrics-version-${version}-errors`}>
                      {percent(row.error_count, row.requests)}
                    </Td>
                    <Td className="text-right whitespace-nowrap">
                      {row.p50_latency} / {row.p95_latency} ms
                    </Td>
                    <Td className="text-right">{row.requests ? `$${(row.cost / 100 / row.requests).toFixed(5)}` : "—"}</Td>
                    <Td className="text-right whitespace-nowrap" data-testid={`metrics-version-${version}-feedback`}>
                      {row.feedback_mean === null ? "—" : `${row.feedback_mean.toFixed(2)} (${row.feedback_count})`}
                    </Td>
                    <Td className="text-right">
                      {rate ? (
                        <Link href={`/experiments/${rate.experiment_id}`} className="text-indigo-600 hover:underline dark:text-indigo-400">
                          {Math.round(rate.pass_rate * 1000) / 10}% pass
                        </Link>
                      ) : (
                        "—"
                      )}
                    </Td>
                  </tr>
                );
              })}
            </tbody>
          )}
        </Table>
      )}
    </section>
  );
}
