"use client";
import { Icon } from "@/components/prompts/icons";
import { fieldClass } from "@/components/prompts/field-class";
import type { PromptVersionEntry } from "@/lib/hooks/use-prompt-versions";
import { sourceLabel, type CompareColumn } from "@/lib/playground/compare";
import type { RunState } from "@/lib/playground/run-state";
import { RunOutput } from "./run-output";

const small = `${fieldClass} w-full px-2 py-1 text-xs`;
const caption = "mb-0.5 block text-[10px] font-medium tracking-wide text-zinc-500 uppercase";
const LETTERS = "ABCD";

/** One compare column: its source and own settings, then its own streamed answer. */
export function CompareColumnCard({
  column,
  index,
  versions,
  draftModel,
  temperatureHint,
  run,
  canRemove,
  onChange,
  onRemove,
  onRun,
  onStop,
}: {
  column: CompareColumn;
  index: number;
  versions: PromptVersionEntry[];
  draftModel: string;
  /** What an empty temperature means for this column (its source's value or its provider's default). */
  temperatureHint: { placeholder: string; title: string };
  run: RunState;
  canRemove: boolean;
  onChange: (column: CompareColumn) => void;
  onRemove: () => void;
  onRun: () => void;
  onStop: () => void;
}) {
  const sourceModel = column.source === "draft" ? draftModel : (versions.find((v) => v.prompt_version === column.source)?.prompt_template.model ?? "");
  const running = run.status === "running";
  return (
    <div data-testid={`compare-column-${index}`} data-source={sourceLabel(column.source)} className="flex min-w-0 flex-col rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900/40">
      <div className="space-y-2 border-b border-zinc-200 p-3 dark:border-zinc-800">
        <div className="flex items-center gap-2">
          <span className="flex h-6 w-6 shrink-0 items-center justify-center rounded-md bg-zinc-100 text-xs font-semibold text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">{LETTERS[index]}</span>
          <select
            aria-label={`Source of column ${index + 1}`}
            value={String(column.source)}
            onChange={(e) => onChange({ ...column, source: e.target.value === "draft" ? "draft" : Number(e.target.value) })}
            className={`${fieldClass} min-w-0 flex-1 px-2 py-1 text-sm font-medium`}
            data-testid={`compare-source-${index}`}
          >
            <option value="draft">Draft</option>
            {versions.map((v) => (
              <option key={v.id} value={v.prompt_version}>
                v{v.prompt_version}
                {v.is_published ? " (published)" : ""}
              </option>
            ))}
          </select>
          <span className={`ml-auto h-2 w-2 rounded-full ${running ? "animate-pulse bg-indigo-500" : run.status === "done" ? "bg-emerald-500" : run.status === "error" ? "bg-red-500" : "bg-zinc-300 dark:bg-zinc-700"}`} aria-hidden />
          {running ? (
            <button type="button" onClick={onStop} aria-label={`Stop column ${index + 1}`} data-testid={`compare-stop-${index}`} className="rounded p-1 text-red-600 hover:bg-red-50 dark:hover:bg-red-950/50">
              <Icon name="stop" className="h-3.5 w-3.5" />
            </button>
          ) : (
            <button type="button" onClick={onRun} aria-label={`Run column ${index + 1}`} data-testid={`compare-run-${index}`} className="rounded p-1 text-zinc-500 hover:bg-zinc-100 hover:text-indigo-600 dark:hover:bg-zinc-800">
              <Icon name="play" className="h-3.5 w-3.5" />
            </button>
          )}
          <button type="button" onClick={onRemove} disabled={!canRemove} aria-label={`Remove column ${index + 1}`} className="rounded p-1 text-zinc-400 hover:bg-zinc-100 hover:text-zinc-700 disabled:opacity-30 dark:hover:bg-zinc-800">
            <Icon name="x" className="h-3.5 w-3.5" />
          </button>
        </div>
        <div className="grid grid-cols-[1fr_4rem_4.5rem] gap-1.5">
          <label>
            <span className={caption}>Model</span>
            <input value={column.model} placeholder={sourceModel || "model"} onChange={(e) => onChange({ ...column, model: e.target.value })} className={`${small} font-mono`} data-testid={`compare-model-${index}`} list="model-suggestions" autoComplete="off" />
          </label>
          <label>
            <span className={caption}>Temp</span>
            <input value={column.temperature} placeholder={temperatureHint.placeholder} title={temperatureHint.title} inputMode="decimal" onChange={(e) => onChange({ ...column, temperature: e.target.value })} className={small} data-testid={`compare-temperature-${index}`} />
          </label>
          <label>
            <span className={caption}>Max tok.</span>
            <input value={column.maxTokens} placeholder="—" inputMode="numeric" onChange={(e) => onChange({ ...column, maxTokens: e.target.value })} className={small} data-testid={`compare-max-tokens-${index}`} />
          </label>
        </div>
      </div>
      <div className="min-h-40 flex-1 overflow-y-auto p-3">
        <RunOutput run={run} testId={`compare-output-${index}`} compact />
      </div>
    </div>
  );
}
