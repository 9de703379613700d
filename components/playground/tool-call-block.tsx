import type { ToolCallState } from "@/lib/playground/run-state";

function pretty(args: string): string {
  try {
    return JSON.stringify(JSON.parse(args), null, 2);
  } catch {
    return args; // still streaming, or not JSON: show as sent
  }
}

/** A tool call the model asked for: function name, call id and its arguments. */
export function ToolCallBlock({ call }: { call: ToolCallState }) {
  return (
    <div data-testid="tool-call" className="overflow-hidden rounded-lg border border-amber-200 bg-amber-50/50 dark:border-amber-900/70 dark:bg-amber-950/20">
      <div className="flex items-center gap-2 border-b border-amber-200 px-3 py-1.5 text-xs dark:border-amber-900/70">
        <span className="rounded bg-amber-200/70 px-1.5 py-px font-semibold text-amber-900 dark:bg-amber-900/70 dark:text-amber-100">tool call</span>
        <code className="font-mono font-semibold" data-testid="tool-call-name">
          {call.name || "…"}
        </code>
        {call.id ? <code className="ml-auto font-mono text-[10px] text-zinc-500">{call.id}</code> : null}
      </div>
      <pre className="overflow-x-auto px-3 py-2 font-mono text-xs text-zinc-800 dark:text-zinc-200" data-testid="tool-call-arguments">
        {pretty(call.arguments) || "{}"}
      </pre>
    </div>
  );
}
