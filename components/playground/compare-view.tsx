"use client";
import { Icon } from "@/components/prompts/icons";
import { Button } from "@/components/ui/button";
import type { PromptVersionEntry } from "@/lib/hooks/use-prompt-versions";
import { MAX_COLUMNS, newColumn, type CompareColumn } from "@/lib/playground/compare";
import type { RunState } from "@/lib/playground/run-state";
import { CompareColumnCard } from "./compare-column";
import { ShortcutHint } from "./kbd";
import { VariablesForm } from "./variables-form";

/** Up to four columns (saved versions or the draft), fed the same variables, run together. */
export function CompareView({
  columns,
  onColumns,
  versions,
  draftModel,
  variables,
  values,
  onValue,
  runOf,
  onRunColumn,
  onStopColumn,
  onRunAll,
  temperatureHintOf,
}: {
  columns: CompareColumn[];
  onColumns: (columns: CompareColumn[]) => void;
  versions: PromptVersionEntry[];
  draftModel: string;
  variables: string[];
  values: Record<string, string>;
  onValue: (name: string, value: string) => void;
  runOf: (column: CompareColumn) => RunState;
  onRunColumn: (column: CompareColumn) => void;
  onStopColumn: (column: CompareColumn) => void;
  onRunAll: () => void;
  temperatureHintOf: (column: CompareColumn) => { placeholder: string; title: string };
}) {
  const anyRunning = columns.some((c) => runOf(c).status === "running");
  return (
    <div className="flex min-w-0 flex-1 flex-col" data-testid="compare-view">
      <div className="border-b border-zinc-200 p-4 dark:border-zinc-800">
        <div className="mb-3 flex items-center gap-2">
          <h2 className="text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-300">Variables</h2>
          <span className="text-xs text-zinc-400">shared by every column</span>
          <div className="ml-auto flex items-center gap-2">
            <ShortcutHint />
            <Button variant="secondary" onClick={() => onColumns([...columns, newColumn("draft")])} disabled={columns.length >= MAX_COLUMNS} data-testid="compare-add" title={columns.length >= MAX_COLUMNS ? `At most ${MAX_COLUMNS} columns` : undefined}>
              <Icon name="plus" /> Column
            </Button>
            {anyRunning ? (
              <Button variant="danger" onClick={() => columns.forEach(onStopColumn)} data-testid="compare-stop-all">
                <Icon name="stop" className="h-3.5 w-3.5" /> Stop all
              </Button>
            ) : (
              <Button onClick={onRunAll} data-testid="compare-run-all">
                <Icon name="play" className="h-3.5 w-3.5" /> Run all
              </Button>
            )}
          </div>
        </div>
        <VariablesForm names={variables} values={values} onChange={onValue} compact />
      </div>
      <div className="grid min-h-0 flex-1 gap-3 overflow-auto p-4" style={{ gridTemplateColumns: `repeat(${Math.max(columns.length, 1)}, minmax(16rem, 1fr))` }}>
        {columns.map((column, index) => (
          <CompareColumnCard
            key={column.id}
            column={column}
            index={index}
            versions={versions}
            draftModel={draftModel}
            temperatureHint={temperatureHintOf(column)}
            run={runOf(column)}
            canRemove={columns.length > 1}
            onChange={(changed) => onColumns(columns.map((c) => (c.id === column.id ? changed : c)))}
            onRemove={() => {
              onStopColumn(column);
              onColumns(columns.filter((c) => c.id !== column.id));
            }}
            onRun={() => onRunColumn(column)}
            onStop={() => onStopColumn(column)}
          />
        ))}
      </div>
    </div>
  );
}
