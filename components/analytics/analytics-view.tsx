"use client";
import { useState } from "react";
import { SelectField } from "@/components/ui/select-field";
import { ErrorAlert } from "@/components/ui/alert";
import { ANALYTICS_RANGES, useAnalyticsSummary, type AnalyticsFilters } from "@/lib/hooks/use-analytics";
import { usePromptOptions } from "@/lib/hooks/use-logs";
import { ChartGrid } from "./chart-grid";
import { StatTile, summaryText } from "./stat-tile";

export function AnalyticsView() {
  const [filters, setFilters] = useState<AnalyticsFilters>({ range: "7d" });
  const summary = useAnalyticsSummary(filters);
  const prompts = usePromptOptions();
  const s = summary.data;
  const text = summaryText(s);
  return (
    <div className="space-y-4 px-6 py-4">
      <div className="flex flex-wrap items-end gap-3" role="search" aria-label="Analytics range">
        <div className="w-48">
          <SelectField id="analytics-range" label="Time range" value={filters.range} onChange={(event) => setFilters({ ...filters, range: event.target.value })}>
            {ANALYTICS_RANGES.map((range) => (
              <option key={range.value} value={range.value}>
                {range.label}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="w-64">
          <SelectField id="analytics-prompt" label="Prompt" value={filters.prompt ?? ""} onChange={(event) => setFilters({ ...filters, prompt: event.target.value || undefined })}>
            <option value="">All prompts</option>
            {(prompts.data ?? []).map((prompt) => (
              <option key={prompt.id} value={prompt.id}>
                {prompt.name}
              </option>
            ))}
          </SelectField>
        </div>
      </div>
      {summary.isError ? <ErrorAlert>Could not load analytics: {summary.error.message}</ErrorAlert> : null}
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        <StatTile label="Requests" value={text.requests} testId="analytics-requests" />
        <StatTile label="Errors" value={text.errors} testId="analytics-errors" />
        <StatTile label="Latency p50 / p95" value={text.latency} testId="analytics-latency" />
        <StatTile label="Tokens in / out" value={text.tokens} testId="analytics-tokens" />
        <StatTile label="Cost" value={text.cost} testId="analytics-cost" />
        <StatTile label="Feedback (mean, count)" value={text.feedback} testId="analytics-feedback" />
      </div>
      <ChartGrid charts={["requests", "errors", "latency", "cost"]} filters={filters} />
    </div>
  );
}
