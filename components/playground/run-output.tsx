import { Button } from "@/components/ui/button";
import type { RunState, ToolCallState } from "@/lib/playground/run-state";
import { toolCallId } from "@/lib/playground/tool-turn";
import { ShortcutHint } from "./kbd";
import { RunStats } from "./run-stats";
import { ToolCallBlock } from "./tool-call-block";

/** Where a finished run's tool calls get their results, and the conversation goes on. */
export interface ToolResultsInput {
  results: Record<string, string>;
  onResult: (call: ToolCallState, text: string) => void;
  onContinue: () => void;
}

/** What a run produced so far: streamed text, tool calls, then its stats or error. */
export function RunOutput({ run, testId = "run-output", compact = false, tools }: { run: RunState; testId?: string; compact?: boolean; tools?: ToolResultsInput }) {
  const answering = tools && run.status === "done" && run.toolCalls.length > 0 ? tools : null;
  const waiting = run.status === "running" && !run.text && run.toolCalls.length === 0;
  const showText = run.text.length > 0 || (run.status === "done" && run.toolCalls.length === 0);
  return (
    <div className="space-y-3" data-testid={`${testId}-panel`} data-status={run.status}>
      {run.status === "idle" ? (
        <p className="text-sm leading-6 text-zinc-400 dark:text-zinc-500" data-testid={`${testId}-idle`}>
          Press Run or <ShortcutHint /> to see the answer here.
        </p>
      ) : null}
      {waiting ? (
        <p className="flex items-center gap-2 text-sm text-zinc-500" data-testid={`${testId}-waiting`}>
          <span className="h-2 w-2 animate-pulse rounded-full bg-indigo-500" aria-hidden />
          Waiting for the first token…
        </p>
      ) : null}
      {showText ? (
        <div
          data-testid={testId}
          aria-live="polite"
          aria-busy={run.status === "running"}
          className="text-sm leading-relaxed break-words whitespace-pre-wrap text-zinc-900 dark:text-zinc-100"
        >
          {run.text || <span className="text-zinc-400 italic">(empty answer)</span>}
          {run.status === "running" ? <span className="ml-0.5 inline-block h-4 w-1.5 translate-y-0.5 animate-pulse bg-indigo-500" aria-hidden /> : null}
        </div>
      ) : null}
      {run.toolCalls.map((call) => (
        <ToolCallBlock key={call.index} call={call} result={answering ? { value: answering.results[toolCallId(call)] ?? "", onChange: (text) => answering.onResult(call, text) } : undefined} />
      ))}
      {answering ? (
        <div className="flex items-center gap-2">
          <Button variant="secondary" onClick={answering.onContinue} data-testid="tool-continue">
            Send {run.toolCalls.length === 1 ? "result" : "results"} and continue
          </Button>
          <span className="text-xs text-zinc-500">Appends the tool calls and their results to the conversation, then runs again.</span>
        </div>
      ) : null}
      {run.status === "error" ? (
        <p role="alert" data-testid={`${testId}-error`} className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/60 dark:text-red-200">
          {run.error}
        </p>
      ) : null}
      {run.status === "cancelled" ? (
        <p className="text-xs font-medium text-amber-700 dark:text-amber-400" data-testid={`${testId}-stopped`}>
          Stopped: the request was cancelled.
        </p>
      ) : null}
      {run.status === "done" || run.status === "cancelled" ? (
        <div className="border-t border-zinc-200 pt-3 dark:border-zinc-800">
          <RunStats run={run} compact={compact} />
        </div>
      ) : null}
    </div>
  );
}
