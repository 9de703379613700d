"use client";
import type { AnalyticsFilters } from "@/lib/hooks/use-analytics";
import { SeriesChart } from "./series-chart";

type Field = { key: string; label: string };
type ChartSpec = { title: string; unit?: string; fields: Field[] };

/** Each analytics graph's chart, declared once for every page that draws it. */
const CHARTS = {
  requests: { title: "Requests", fields: [{ key: "total", label: "Requests" }] },
  errors: { title: "Errors", fields: [{ key: "total", label: "Errors" }] },
  latency: {
    title: "Latency",
    unit: " ms",
    fields: [
      { key: "p50", label: "p50" },
      { key: "p95", label: "p95" },
      { key: "p99", label: "p99" },
    ],
  },
  ttft: {
    title: "Time to first token",
    unit: " ms",
    fields: [
      { key: "p50", label: "p50" },
      { key: "p95", label: "p95" },
    ],
  },
  tokens: {
    title: "Tokens",
    fields: [
      { key: "input", label: "Input" },
      { key: "output", label: "Output" },
    ],
  },
  cost: { title: "Cost (cents)", fields: [{ key: "total", label: "Cost" }] },
} satisfies Record<string, ChartSpec>;

export type ChartName = keyof typeof CHARTS;

/** A two-column grid of the named charts; `titles` renames a chart where a page calls it otherwise. */
export function ChartGrid({ charts, filters, titles = {} }: { charts: ChartName[]; filters: AnalyticsFilters; titles?: Partial<Record<ChartName, string>> }) {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {charts.map((name) => {
        const chart: ChartSpec = CHARTS[name];
        return <SeriesChart key={name} graph={name} title={titles[name] ?? chart.title} fields={chart.fields} unit={chart.unit} filters={filters} />;
      })}
    </div>
  );
}
