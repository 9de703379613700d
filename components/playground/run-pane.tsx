"use client";
import { useState } from "react";
import { SaveTestCaseDialog } from "@/components/datasets/save-test-case-dialog";
import { Button } from "@/components/ui/button";
import { useCan } from "@/lib/auth/role-context";
import { Icon } from "@/components/prompts/icons";
import type { RunState } from "@/lib/playground/run-state";
import { literalText, type ConversationMessage } from "@/lib/playground/tool-turn";
import { ShortcutHint } from "./kbd";
import { PaneHeader } from "./pane";
import { RunOutput, type ToolResultsInput } from "./run-output";
import { VariableSetsBar } from "./variable-sets-bar";
import { VariablesForm } from "./variables-form";

/** Variables (and saved sets of them), Run / Stop, and the streamed answer. */
export function RunPane({
  promptId,
  variables,
  values,
  onValue,
  onLoadValues,
  run,
  onRun,
  onStop,
  runLabel,
  blocked = [],
  conversation,
  tools,
}: {
  promptId: string;
  variables: string[];
  values: Record<string, string>;
  onValue: (name: string, value: string) => void;
  onLoadValues: (values: Record<string, string>) => void;
  /** Turns appended after the template by continuing past tool calls. */
  conversation: ConversationMessage[];
  tools: ToolResultsInput;
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
  // A loaded set remounts the fields, so each picks its editor (text or JSON) from its new value.
  const [loads, setLoads] = useState(0);
  return (
    <section aria-label="Variables and output" className="flex min-w-0 flex-col" data-testid="run-pane">
      <PaneHeader title="Variables" hint={variables.length ? String(variables.length) : undefined} />
      <div className="border-b border-zinc-200 p-3 dark:border-zinc-800">
        <VariableSetsBar
          promptId={promptId}
          names={variables}
          values={values}
          onLoad={(loaded) => {
            onLoadValues(loaded);
            setLoads((n) => n + 1);
          }}
        />
        <VariablesForm key={loads} names={variables} values={values} onChange={onValue} />
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
        {conversation.length > 0 ? <ConversationLog conversation={conversation} /> : null}
        <RunOutput run={run} tools={tools} />
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

/** The turns sent after the template's messages, oldest first: what the answer below continues. */
function ConversationLog({ conversation }: { conversation: ConversationMessage[] }) {
  return (
    <ol className="mb-3 space-y-1.5 border-b border-zinc-200 pb-3 dark:border-zinc-800" aria-label="Conversation so far" data-testid="conversation">
      {conversation.map((message, index) => (
        <li key={index} className="rounded-md bg-zinc-50 px-2 py-1.5 text-xs dark:bg-zinc-900" data-testid={`conversation-${index}`} data-role={message.role}>
          <span className="mr-2 font-semibold tracking-wide text-zinc-500 uppercase">{message.role}</span>
          {message.tool_calls ? (
            <span className="font-mono">{message.tool_calls.map((call) => `${call.function.name}(${call.function.arguments})`).join(", ")}</span>
          ) : (
            <span className="font-mono break-words whitespace-pre-wrap">{literalText(message.content ?? "")}</span>
          )}
        </li>
      ))}
    </ol>
  );
}
