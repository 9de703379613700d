"use client";
import { useState } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { SelectField } from "@/components/ui/select-field";
import type { VersionPassRate } from "@/lib/experiments/results-view";
import { ANALYTICS_RANGES, useAnalyticsSummary, type AnalyticsFilters } from "@/lib/hooks/use-analytics";
import { useLabels } from "@/lib/hooks/use-labels";
import { RecentCalls } from "./recent-calls";
import { ChartGrid } from "./chart-grid";
import { StatTile, summaryText } from "./stat-tile";
import { VersionComparison } from "./version-comparison";

/**
 * A prompt's Metrics tab: its calls over a range (from the hourly rollups), narrowed to a
 * version or to the calls that addressed a label, as time series, versions side by side, and
 * its latest calls.
 */
export function PromptMetrics({ promptId, versionNumbers, passRates }: { promptId: string; versionNumbers: number[]; passRates: ReadonlyMap<number, VersionPassRate> }) {
  const [choice, setChoice] = useState<Omit<AnalyticsFilters, "prompt">>({ range: "24h" });
  const filters: AnalyticsFilters = { ...choice, prompt: promptId };
  const summary = useAnalyticsSummary(filters);
  const labels = useLabels();
  const s = summary.data;
  const text = summaryText(s);
  return (
    <div className="min-h-0 flex-1 space-y-4 overflow-y-auto p-3 sm:p-6" data-testid="prompt-metrics">
      <div className="flex flex-wrap items-end gap-3" role="search" aria-label="Metrics filters">
        <div className="w-full sm:w-44">
          <SelectField id="metrics-range" label="Time range" value={choice.range} onChange={(event) => setChoice({ ...choice, range: event.target.value })}>
            {ANALYTICS_RANGES.map((range) => (
              <option key={range.value} value={range.value}>
                {range.label}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="w-[calc(50%-0.375rem)] sm:w-36">
          <SelectField id="metrics-version" label="Version" value={choice.version ?? ""} onChange={(event) => setChoice({ ...choice, version: event.target.value ? Number(event.target.value) : undefined })}>
            <option value="">All versions</option>
            {versionNumbers.map((version) => (
              <option key={version} value={version}>
                v{version}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="w-[calc(50%-0.375rem)] sm:w-40">
          <SelectField id="metrics-label" label="Called by label" value={choice.label ?? ""} onChange={(event) => setChoice({ ...choice, label: event.target.value || undefined })}>
            <option value="">Any call</option>
            {(labels.data?.data ?? []).map((label) => (
              <option key={label.id} value={label.name}>
                {label.name}
              </option>
            ))}
          </SelectField>
        </div>
      </div>
      {summary.isError ? <ErrorAlert testId="metrics-error">Could not load this prompt&apos;s metrics: {summary.error.message}</ErrorAlert> : null}
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        <StatTile label="Calls" value={text.requests} testId="metrics-requests" />
        <StatTile label="Errors" value={text.errors} testId="metrics-errors" />
        <StatTile label="Latency p50 / p95" value={text.latency} testId="metrics-latency" />
        <StatTile label="TTFT p50" value={text.ttft} testId="metrics-ttft" />
        <StatTile label="Cost" value={text.cost} testId="metrics-cost" />
        <StatTile label="Feedback" value={text.feedback} testId="metrics-feedback" />
      </div>
      {s && s.requests === 0 ? (
        <p className="rounded-lg border border-dashed border-zinc-300 p-4 text-center text-sm text-zinc-500 dark:border-zinc-700" data-testid="metrics-empty">
          No calls of this prompt in this range{choice.version ? ` for v${choice.version}` : ""}{choice.label ? ` through ${choice.label}` : ""}.
        </p>
      ) : null}
      <VersionComparison filters={filters} passRates={passRates} />
      <ChartGrid charts={["requests", "errors", "latency", "ttft", "tokens", "cost"]} titles={{ requests: "Calls" }} filters={filters} />
      <RecentCalls promptId={promptId} filters={filters} />
    </div>
  );
}
