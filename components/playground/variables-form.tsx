"use client";
import { inputClass } from "@/components/ui/text-field";
import { isJsonValue } from "@/lib/playground/variables";

/** One field per template variable; a value that parses as a JSON object or array is sent as JSON. */
export function VariablesForm({
  names,
  values,
  onChange,
  compact = false,
}: {
  names: string[];
  values: Record<string, string>;
  onChange: (name: string, value: string) => void;
  compact?: boolean;
}) {
  if (names.length === 0) {
    return (
      <p className="text-xs text-zinc-500" data-testid="variables-empty">
        No variables. Add <code className="rounded bg-zinc-100 px-1 font-mono dark:bg-zinc-800">{"{{name}}"}</code> to the template to get a field here.
      </p>
    );
  }
  return (
    <div className={compact ? "grid grid-cols-1 gap-2 md:grid-cols-2 xl:grid-cols-3" : "space-y-2.5"} data-testid="variables-form">
      {names.map((name) => {
        const value = values[name] ?? "";
        const json = isJsonValue(value);
        const rows = Math.min(8, Math.max(1, value.split("\n").length));
        return (
          <label key={name} className="block space-y-1">
            <span className="flex items-center gap-2 text-xs">
              <code className="font-mono font-medium text-sky-700 dark:text-sky-300">{name}</code>
              {json ? <span className="rounded bg-amber-100 px-1 text-[10px] font-semibold text-amber-800 dark:bg-amber-900/60 dark:text-amber-200">JSON</span> : null}
            </span>
            <textarea
              value={value}
              rows={rows}
              onChange={(e) => onChange(name, e.target.value)}
              placeholder={`Value for ${name}`}
              data-testid={`variable-${name}`}
              className={`${inputClass} resize-y py-1.5 text-sm ${json ? "font-mono text-xs" : ""}`}
            />
          </label>
        );
      })}
    </div>
  );
}
