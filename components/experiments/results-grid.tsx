"use client";
import Link from "next/link";
import { useMemo, useState } from "react";
import { Table, Td, Th } from "@/components/ui/table";
import { formatCost } from "@/lib/costs/format";
import { cellVerdict, filterRows, gridRows, playgroundValue, splitTargetRef, type CellVerdict, type GridFilter } from "@/lib/experiments/results-view";
import type { DatasetItem } from "@/lib/hooks/use-datasets";
import type { ExperimentCaseRow } from "@/lib/hooks/use-experiments";
import { scoreTone } from "./format";

const CELL: Record<CellVerdict, string> = {
  passed: "bg-emerald-50/70 dark:bg-emerald-950/30",
  failed: "bg-red-50/70 dark:bg-red-950/30",
  errored: "bg-amber-50/70 dark:bg-amber-950/30",
  pending: "",
};

const FILTERS: { value: GridFilter; label: string }[] = [
  { value: "all", label: "All" },
  { value: "regressions", label: "Regressions" },
  { value: "failures", label: "Failures" },
];

type CaseScore = { name: string; score: number | null; passed: boolean; reason?: string };

/** The playground on the target's prompt (its pinned version read only) with the item's variables filled. */
export function playgroundHref(targetPrompt: string, variables: Record<string, unknown>): string {
  const { key, version } = splitTargetRef(targetPrompt);
  const params = new URLSearchParams();
  if (version !== null) params.set("version", String(version));
  params.set("variables", JSON.stringify(Object.fromEntries(Object.entries(variables).map(([name, value]) => [name, playgroundValue(value)]))));
  return `/prompts/${encodeURIComponent(key)}?${params}`;
}

function Cell({ cases, target, variables, regressed }: { cases: ExperimentCaseRow[]; target: { prompt: string }; variables: Record<string, unknown> | null; regressed: boolean }) {
  const verdict = cellVerdict(cases);
  return (
    <Td className={`max-w-sm min-w-56 align-top ${CELL[verdict]} ${regressed ? "ring-2 ring-red-500 ring-inset" : ""}`} data-testid="result-cell" data-verdict={verdict} data-regressed={regressed ? "true" : "false"}>
      {regressed ? (
        <span className="mb-1 inline-block rounded bg-red-600 px-1.5 py-0.5 text-[10px] font-semibold tracking-wide text-white uppercase" data-testid="regression-badge">
          Regression
        </span>
      ) : null}
      {cases.map((c) => (
        <div key={c.id} className="space-y-1 [&+&]:mt-2 [&+&]:border-t [&+&]:border-zinc-200 [&+&]:pt-2 dark:[&+&]:border-zinc-800">
          {c.status === "errored" ? (
            <p className="text-xs text-amber-800 dark:text-amber-300" data-testid="result-error">
              {c.error}
            </p>
          ) : c.status === "done" ? (
            <p className="line-clamp-4 text-sm whitespace-pre-wrap break-words" title={c.output ?? ""} data-testid="result-output">
              {c.output}
            </p>
          ) : (
            <p className="text-xs text-zinc-400 italic">{c.status}…</p>
          )}
          <div className="flex flex-wrap items-center gap-1">
            {((c.scores ?? []) as CaseScore[]).map((s) => (
              <span key={s.name} title={s.reason || undefined} className={`rounded px-1.5 py-0.5 text-[11px] font-medium tabular-nums ${scoreTone(s.passed, s.score)}`} data-testid="result-score">
                {s.name}: {s.score === null ? "—" : Math.round(s.score * 100) / 100}
              </span>
            ))}
            {c.latency_ms !== null ? <span className="text-[11px] text-zinc-500 tabular-nums">{c.latency_ms} ms</span> : null}
            {c.cost_usd !== null ? (
              <span className="text-[11px] text-zinc-500 tabular-nums" data-testid="result-cost">
                {formatCost(c.cost_usd)}
              </span>
            ) : null}
          </div>
        </div>
      ))}
      {variables ? (
        <Link href={playgroundHref(target.prompt, variables)} className="mt-1 inline-block text-xs font-medium text-indigo-700 hover:underline dark:text-indigo-300" data-testid="open-in-playground">
          Open in playground
        </Link>
      ) : null}
    </Td>
  );
}

/** Rows are dataset items, columns targets; cells coloured by verdict, regressions ringed. */
export function ResultsGrid({
  cases,
  targets,
  labels,
  items,
  regressed,
  hasBaseline,
}: {
  cases: ExperimentCaseRow[];
  targets: { prompt: string }[];
  labels: string[];
  items: ReadonlyMap<string, DatasetItem>;
  /** `${target}:${itemId}` of each regressed cell. */
  regressed: ReadonlySet<string>;
  hasBaseline: boolean;
}) {
  const [filter, setFilter] = useState<GridFilter>("all");
  const rows = useMemo(() => gridRows(cases, targets.length), [cases, targets.length]);
  const regressedItems = useMemo(() => new Set([...regressed].map((key) => key.slice(key.indexOf(":") + 1))), [regressed]);
  const shown = filterRows(rows, filter, regressedItems);

  return (
    <section className="space-y-3" aria-label="Results">
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="mr-auto text-base font-semibold">Results</h2>
        <div role="group" aria-label="Show" className="flex rounded-lg bg-zinc-100 p-0.5 dark:bg-zinc-900">
          {FILTERS.map((f) => (
            <button
              key={f.value}
              type="button"
              aria-pressed={filter === f.value}
              disabled={f.value === "regressions" && !hasBaseline}
              title={f.value === "regressions" && !hasBaseline ? "Choose a baseline to see regressions" : undefined}
              onClick={() => setFilter(f.value)}
              data-testid={`results-filter-${f.value}`}
              className={`rounded-md px-3 py-1 text-sm font-medium disabled:opacity-40 ${filter === f.value ? "bg-white text-zinc-900 shadow-sm dark:bg-zinc-800 dark:text-zinc-100" : "text-zinc-500 hover:text-zinc-900 dark:hover:text-zinc-100"}`}
            >
              {f.label}
              {f.value === "regressions" && hasBaseline ? ` (${regressedItems.size})` : null}
            </button>
          ))}
        </div>
      </div>
      {shown.length === 0 ? (
        <p className="rounded-lg border border-dashed border-zinc-300 p-6 text-center text-sm text-zinc-500 dark:border-zinc-700" data-testid="results-empty">
          {rows.length === 0 ? "No results yet." : "No item matches this filter."}
        </p>
      ) : (
        <Table label="Results by item and target" testId="results-grid">
          <thead>
            <tr>
              <Th className="min-w-48">Item</Th>
              {labels.map((label, index) => (
                <Th key={index} data-testid="results-column">
                  {label}
                </Th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {shown.map((row) => {
              const item = items.get(row.itemId);
              return (
                <tr key={row.itemId} data-testid="result-row" data-item-id={row.itemId}>
                  <Td className="max-w-xs align-top">
                    {item ? (
                      <>
                        <code className="block text-xs break-all whitespace-pre-wrap text-zinc-700 dark:text-zinc-300" data-testid="result-variables">
                          {JSON.stringify(item.variables)}
                        </code>
                        {item.expected !== null ? (
                          <p className="mt-1 text-xs text-zinc-500">
                            expected: <span data-testid="result-expected">{typeof item.expected === "string" ? item.expected : JSON.stringify(item.expected)}</span>
                          </p>
                        ) : null}
                      </>
                    ) : (
                      <code className="text-xs text-zinc-400">{row.itemId.slice(0, 8)}</code>
                    )}
                  </Td>
                  {row.cells.map((cell, target) => (
                    <Cell key={target} cases={cell} target={targets[target]} variables={item?.variables ?? null} regressed={regressed.has(`${target}:${row.itemId}`)} />
                  ))}
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
    </section>
  );
}
