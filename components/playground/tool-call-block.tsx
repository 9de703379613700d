import { inputClass } from "@/components/ui/text-field";
import type { ToolCallState } from "@/lib/playground/run-state";

function pretty(args: string): string {
  try {
    return JSON.stringify(JSON.parse(args), null, 2);
  } catch {
    return args; // still streaming, or not JSON: show as sent
  }
}

/**
 * A tool call the model asked for: function name, call id and its arguments; once the run is
 * done, a field for the result to send back (see RunOutput's Continue).
 */
export function ToolCallBlock({ call, result }: { call: ToolCallState; result?: { value: string; onChange: (text: string) => void } }) {
  const fieldId = `tool-result-field-${call.index}`;
  return (
    <div data-testid="tool-call" className="overflow-hidden rounded-lg border border-amber-200 bg-amber-50/50 dark:border-amber-900/70 dark:bg-amber-950/20">
      <div className="flex items-center gap-2 border-b border-amber-200 px-3 py-1.5 text-xs dark:border-amber-900/70">
        <span className="rounded bg-amber-200/70 px-1.5 py-px font-semibold text-amber-900 dark:bg-amber-900/70 dark:text-amber-100">tool call</span>
        <code className="font-mono font-semibold" data-testid="tool-call-name">
          {call.name || "…"}
        </code>
        {call.id ? <code className="ml-auto truncate font-mono text-[10px] text-zinc-500" data-testid="tool-call-id">{call.id}</code> : null}
      </div>
      <pre className="overflow-x-auto px-3 py-2 font-mono text-xs text-zinc-800 dark:text-zinc-200" data-testid="tool-call-arguments">
        {pretty(call.arguments) || "{}"}
      </pre>
      {result ? (
        <div className="space-y-1 border-t border-amber-200 px-3 py-2 dark:border-amber-900/70">
          <label htmlFor={fieldId} className="block text-[10px] font-semibold tracking-wide text-amber-900 uppercase dark:text-amber-200">
            Result of {call.name || "the call"}
          </label>
          <textarea
            id={fieldId}
            rows={2}
            value={result.value}
            onChange={(e) => result.onChange(e.target.value)}
            placeholder='What the tool returned, e.g. {"temperature": 18}'
            data-testid={`tool-result-${call.index}`}
            className={`${inputClass} resize-y py-1.5 font-mono text-xs`}
          />
        </div>
      ) : null}
    </div>
  );
}
