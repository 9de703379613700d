import { runTimings, type RunState } from "@/lib/playground/run-state";

const ms = (value: number | null) => (value === null ? "—" : value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${value} ms`);

/** Latency, time to first token, tokens and finish reason of a finished (or stopped) run. */
export function RunStats({ run, compact = false }: { run: RunState; compact?: boolean }) {
  if (run.status === "idle" || run.status === "running") return null;
  const { latencyMs, ttftMs } = runTimings(run);
  const usage = run.usage;
  const tokens = usage?.total_tokens
    ? `${usage.prompt_tokens ?? "?"} → ${usage.completion_tokens ?? "?"} (${usage.total_tokens})`
    : run.chunks > 0
      ? `~${run.chunks} chunks`
      : "—";
  const items: [string, string, string][] = [
    ["Latency", ms(latencyMs), "stat-latency"],
    ["First token", ms(ttftMs), "stat-ttft"],
    ["Tokens", tokens, "stat-tokens"],
    ["Finish", run.status === "cancelled" ? "stopped" : (run.finishReason ?? "—"), "stat-finish"],
  ];
  return (
    <dl className={`grid gap-x-3 gap-y-2 text-xs ${compact ? "grid-cols-[repeat(auto-fit,minmax(5.5rem,1fr))]" : "grid-cols-[repeat(auto-fit,minmax(5.5rem,1fr))]"}`} data-testid="run-stats">
      {items.map(([label, value, testId]) => (
        <div key={label} className="min-w-0">
          <dt className="text-[10px] font-medium tracking-wide text-zinc-500 uppercase">{label}</dt>
          <dd className="truncate font-mono text-zinc-800 dark:text-zinc-200" data-testid={testId} title={value}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
