import { formatCost } from "@/lib/costs/format";
import type { ExperimentComparison } from "@/lib/hooks/use-experiments";
import type { TargetSummary } from "@/lib/experiments/summary";
import { deltaTone, percent, pointsDelta } from "./format";

type Compared = ExperimentComparison["targets"][number];

function Delta({ value, unit = "points", higherIsBetter = true, testId }: { value: number | null | undefined; unit?: "points" | "ms"; higherIsBetter?: boolean; testId?: string }) {
  if (value === null || value === undefined) return null;
  const text = unit === "ms" ? `${value > 0 ? "+" : value < 0 ? "−" : ""}${Math.abs(Math.round(value))} ms` : pointsDelta(value);
  return (
    <span className={`text-xs font-medium tabular-nums ${deltaTone(value, higherIsBetter)}`} data-testid={testId}>
      {text}
    </span>
  );
}

/** One card per target: pass rate, scores, latency and cost, each with its delta against the baseline. */
export function SummaryCards({ summaries, labels, compared, costs }: { summaries: TargetSummary[]; labels: string[]; compared: Compared[]; costs: (number | null)[] }) {
  return (
    <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-3" data-testid="summary-cards">
      {summaries.map((summary) => {
        const against = compared.find((c) => c.target === summary.target);
        return (
          <section key={summary.target} className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800" data-testid="summary-card" aria-label={`Summary of ${labels[summary.target]}`}>
            <h3 className="truncate text-sm font-medium text-zinc-600 dark:text-zinc-300" title={labels[summary.target]}>
              {labels[summary.target]}
            </h3>
            <div className="mt-1 flex items-baseline gap-2">
              <span className="text-2xl font-semibold tabular-nums" data-testid="summary-pass-rate">
                {percent(summary.pass_rate)}
              </span>
              <span className="text-xs text-zinc-500">passed</span>
              <Delta value={against?.deltas.pass_rate} testId="summary-pass-rate-delta" />
            </div>
            {against ? (
              <p className="mt-1 text-xs text-zinc-500" data-testid="summary-verdicts">
                vs baseline: <span className="text-emerald-700 dark:text-emerald-400">{against.improved} improved</span> · <span className="text-red-600 dark:text-red-400">{against.regressed} regressed</span> ·{" "}
                {against.unchanged} unchanged
              </p>
            ) : null}
            <dl className="mt-3 grid grid-cols-2 gap-x-3 gap-y-1 text-xs">
              {Object.entries(summary.scores).map(([name, score]) => (
                <div key={name} className="contents">
                  <dt className="truncate text-zinc-500">{name}</dt>
                  <dd className="flex items-center gap-1.5 tabular-nums">
                    {percent(score)} <Delta value={against?.deltas.scores[name]} />
                  </dd>
                </div>
              ))}
              <dt className="text-zinc-500">Finished</dt>
              <dd className="tabular-nums">
                {summary.done + summary.errored} / {summary.cases}
                {summary.errored ? <span className="text-red-600 dark:text-red-400"> ({summary.errored} errored)</span> : null}
              </dd>
              <dt className="text-zinc-500">Latency p50 / p95</dt>
              <dd className="flex items-center gap-1.5 tabular-nums">
                {summary.latency_p50_ms ?? "—"} / {summary.latency_p95_ms ?? "—"} ms <Delta value={against?.deltas.latency_p50_ms} unit="ms" higherIsBetter={false} />
              </dd>
              <dt className="text-zinc-500">Cost</dt>
              <dd className="tabular-nums" data-testid="summary-cost">
                {formatCost(costs[summary.target])}
              </dd>
            </dl>
          </section>
        );
      })}
    </div>
  );
}
