"use client";
import { useState } from "react";
import { SaveTestCaseDialog } from "@/components/datasets/save-test-case-dialog";
import { Button } from "@/components/ui/button";
import { useCan } from "@/lib/auth/role-context";
import { Icon } from "@/components/prompts/icons";
import type { RunState } from "@/lib/playground/run-state";
import { ShortcutHint } from "./kbd";
import { PaneHeader } from "./pane";
import { RunOutput } from "./run-output";
import { VariablesForm } from "./variables-form";

/** Variables, Run / Stop, and the streamed answer. */
export function RunPane({
  variables,
  values,
  onValue,
  run,
  onRun,
  onStop,
  runLabel,
  blocked = [],
}: {
  variables: string[];
  values: Record<string, string>;
  onValue: (name: string, value: string) => void;
  run: RunState;
  onRun: () => void;
  onStop: () => void;
  /** What Run runs, e.g. "Draft" or "v3". */
  runLabel: string;
  /** Problems of the draft that would make the run drop settings or fail: Run waits for them. */
  blocked?: string[];
}) {
  const running = run.status === "running";
  const canSave = useCan("write") && run.status === "done";
  const [saving, setSaving] = useState(false);
  return (
    <section aria-label="Variables and output" className="flex min-w-0 flex-col" data-testid="run-pane">
      <PaneHeader title="Variables" hint={variables.length ? String(variables.length) : undefined} />
      <div className="border-b border-zinc-200 p-3 dark:border-zinc-800">
        <VariablesForm names={variables} values={values} onChange={onValue} />
        <div className="mt-3 flex items-center gap-2">
          {running ? (
            <Button variant="danger" onClick={onStop} data-testid="stop-button">
              <Icon name="stop" className="h-3.5 w-3.5" /> Stop
            </Button>
          ) : (
            <Button onClick={onRun} disabled={blocked.length > 0} title={blocked.length > 0 ? "Fix the problems below first" : undefined} data-testid="run-button">
              <Icon name="play" className="h-3.5 w-3.5" /> Run
            </Button>
          )}
          <span className="text-xs text-zinc-500">
            {running ? "Streaming…" : <>Runs the <span className="font-medium text-zinc-700 dark:text-zinc-300">{runLabel}</span></>}
          </span>
          <span className="ml-auto">
            <ShortcutHint />
          </span>
        </div>
        {blocked.length > 0 && !running ? (
          <div role="alert" data-testid="run-blocked" className="mt-2 rounded-md bg-red-50 px-3 py-2 text-xs text-red-700 dark:bg-red-950/50 dark:text-red-300">
            <p className="font-medium">Fix these to run the draft:</p>
            <ul className="mt-1 list-disc space-y-0.5 pl-4">
              {blocked.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
      <PaneHeader title="Output" hint={run.model ?? undefined} />
      <div className="p-3">
        <RunOutput run={run} />
        {canSave ? (
          <Button variant="secondary" className="mt-3" onClick={() => setSaving(true)} data-testid="save-test-case">
            Save as test case
          </Button>
        ) : null}
      </div>
      {saving ? (
        <SaveTestCaseDialog
          variables={Object.fromEntries(variables.map((name) => [name, values[name] ?? ""]))}
          // Tool calls alone are the answer as JSON, as in a backtest set from logs.
          answer={run.text || (run.toolCalls.length ? { tool_calls: run.toolCalls.map(({ id, name, arguments: args }) => ({ id, type: "function", function: { name, arguments: args } })) } : "")}
          onClose={() => setSaving(false)}
        />
      ) : null}
    </section>
  );
}
