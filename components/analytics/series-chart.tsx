"use client";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useAnalyticsGraph, type AnalyticsFilters } from "@/lib/hooks/use-analytics";

const COLORS = ["#4f46e5", "#0891b2", "#d97706", "#dc2626"];

/** A titled line chart of some fields of one analytics graph's data points. */
export function SeriesChart({ title, graph, fields, filters, unit }: { title: string; graph: string; fields: { key: string; label: string }[]; filters: AnalyticsFilters; unit?: string }) {
  const answer = useAnalyticsGraph(graph, filters);
  const daily = filters.range !== "24h";
  const points = (answer.data?.data_points ?? []).map((point) => ({
    ...point,
    label: new Date(String(point.timestamp)).toLocaleString(undefined, daily ? { month: "short", day: "numeric" } : { hour: "2-digit", minute: "2-digit" }),
  }));
  return (
    <section className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800" data-testid={`chart-${graph}`} aria-label={title}>
      <h2 className="mb-2 text-sm font-medium">{title}</h2>
      {answer.isError ? (
        <p className="text-sm text-red-600 dark:text-red-400">Could not load this chart.</p>
      ) : answer.isPending ? (
        <div className="h-56 animate-pulse rounded bg-zinc-100 dark:bg-zinc-800/60" aria-busy="true" data-testid={`chart-${graph}-loading`} />
      ) : (
        <div className="h-56">
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={points} margin={{ top: 4, right: 8, bottom: 4, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#a1a1aa33" />
              <XAxis dataKey="label" fontSize={11} minTickGap={24} />
              <YAxis fontSize={11} unit={unit} width={56} />
              <Tooltip />
              {fields.length > 1 ? <Legend /> : null}
              {fields.map((field, index) => (
                <Line key={field.key} type="monotone" dataKey={field.key} name={field.label} stroke={COLORS[index % COLORS.length]} dot={false} isAnimationActive={false} />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
    </section>
  );
}
