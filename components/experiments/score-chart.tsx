"use client";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TargetSummary } from "@/lib/experiments/summary";

// One colour per series, readable on light and dark backgrounds.
const COLOURS = ["#6366f1", "#10b981", "#f59e0b", "#ef4444", "#06b6d4", "#a855f7", "#84cc16", "#ec4899"];
const PASS_RATE = "pass rate";

/** Per target, the pass rate and each scorer's mean score, as grouped bars on one 0–100 % axis. */
export function ScoreChart({ summaries, labels }: { summaries: TargetSummary[]; labels: string[] }) {
  const scorers = [...new Set(summaries.flatMap((s) => Object.keys(s.scores)))];
  const series = [PASS_RATE, ...scorers];
  const data = summaries.map((summary) => ({
    target: labels[summary.target] ?? `Target ${summary.target + 1}`,
    [PASS_RATE]: summary.pass_rate === null ? null : Math.round(summary.pass_rate * 1000) / 10,
    ...Object.fromEntries(scorers.map((name) => [name, summary.scores[name] == null ? null : Math.round(summary.scores[name]! * 1000) / 10])),
  }));
  return (
    <figure className="rounded-lg border border-zinc-200 p-3 text-zinc-500 dark:border-zinc-800" data-testid="score-chart">
      <figcaption className="mb-2 text-sm font-medium text-zinc-700 dark:text-zinc-300">Score by target</figcaption>
      <div className="h-64 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 4, right: 8, bottom: 4, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.2} vertical={false} />
            <XAxis dataKey="target" tick={{ fill: "currentColor", fontSize: 12 }} interval={0} />
            <YAxis domain={[0, 100]} unit="%" tick={{ fill: "currentColor", fontSize: 12 }} />
            <Tooltip formatter={(value) => (value === null || value === undefined ? "—" : `${String(value)}%`)} contentStyle={{ fontSize: 12 }} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {series.map((name, index) => (
              <Bar key={name} dataKey={name} fill={COLOURS[index % COLOURS.length]} radius={[3, 3, 0, 0]} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
