import type { AnalyticsSummary } from "@/lib/hooks/use-analytics";

const number = new Intl.NumberFormat();

/** One headline number of a summary: the Analytics page and a prompt's Metrics tab. */
export function StatTile({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
      <p className="text-xs text-zinc-500 dark:text-zinc-400">{label}</p>
      <p className="mt-1 text-lg font-semibold tabular-nums" data-testid={testId}>
        {value}
      </p>
    </div>
  );
}

/** A summary's numbers as the tiles show them; "…" while it loads. */
export function summaryText(s: AnalyticsSummary | undefined) {
  const shown = (text: (s: AnalyticsSummary) => string) => (s ? text(s) : "…");
  return {
    requests: shown((s) => number.format(s.requests)),
    errors: shown((s) => `${number.format(s.errors)} (${s.error_rate.toFixed(1)}%)`),
    latency: shown((s) => `${s.latency.p50} / ${s.latency.p95} ms`),
    ttft: shown((s) => (s.ttft.avg ? `${s.ttft.p50} ms` : "— (not streamed)")),
    tokens: shown((s) => `${number.format(s.tokens.input)} / ${number.format(s.tokens.output)}`),
    cost: shown((s) => `$${(s.cost / 100).toFixed(4)}`),
    feedback: shown((s) => (s.feedback.mean === null ? "—" : `${s.feedback.mean.toFixed(2)} (${s.feedback.count})`)),
  };
}
