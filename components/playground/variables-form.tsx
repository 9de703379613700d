"use client";
import { useState } from "react";
import { CodeEditor } from "@/components/editor/code-editor";
import { inputClass } from "@/components/ui/text-field";
import { readVariableField } from "@/lib/playground/variables";

type Mode = "text" | "json";

/**
 * One field per template variable. A value that parses as a JSON object or array is sent as
 * JSON; a field can switch to a JSON editor, and text that looks like JSON but does not parse
 * says so, and that it will be sent as plain text.
 */
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
  // A field's editor is chosen once (from its value, or by the toggle), never while typing.
  const [modes, setModes] = useState<Record<string, Mode>>({});
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
        const field = readVariableField(value);
        const mode: Mode = modes[name] ?? (field.kind === "text" ? "text" : "json");
        const setMode = (next: Mode) => setModes((all) => ({ ...all, [name]: next }));
        const rows = Math.min(8, Math.max(1, value.split("\n").length));
        const fieldId = `variable-field-${name}`;
        const noteId = `variable-note-${name}`;
        return (
          <div key={name} className="space-y-1">
            <div className="flex items-center gap-2 text-xs">
              <label htmlFor={fieldId} className="font-mono font-medium text-sky-700 dark:text-sky-300">
                {name}
              </label>
              {field.kind === "json" ? <span className="rounded bg-amber-100 px-1 text-[10px] font-semibold text-amber-800 dark:bg-amber-900/60 dark:text-amber-200" data-testid={`variable-json-${name}`}>JSON</span> : null}
              <button
                type="button"
                aria-pressed={mode === "json"}
                onClick={() => setMode(mode === "json" ? "text" : "json")}
                data-testid={`variable-mode-${name}`}
                title={mode === "json" ? "Edit as plain text" : "Edit in a JSON editor"}
                className="ml-auto rounded px-1.5 py-0.5 text-[10px] font-medium text-zinc-500 hover:bg-zinc-100 hover:text-zinc-800 aria-pressed:bg-indigo-50 aria-pressed:text-indigo-700 dark:hover:bg-zinc-800 dark:aria-pressed:bg-indigo-950/60 dark:aria-pressed:text-indigo-300"
              >
                {"{ }"} JSON editor
              </button>
            </div>
            {mode === "json" ? (
              <CodeEditor
                value={value}
                onChange={(text) => onChange(name, text)}
                language="json"
                ariaLabel={`Value for ${name} (JSON)`}
                testId={`variable-${name}`}
                invalid={field.kind === "invalid-json"}
                placeholder='{"key": "value"}'
                minHeight="3rem"
              />
            ) : (
              <textarea
                id={fieldId}
                value={value}
                rows={rows}
                onChange={(e) => {
                  // Typing in the text field keeps it one: a `{` typed must not swap the editor.
                  if (!modes[name]) setMode("text");
                  onChange(name, e.target.value);
                }}
                placeholder={`Value for ${name}`}
                aria-invalid={field.kind === "invalid-json" || undefined}
                aria-describedby={field.kind === "invalid-json" ? noteId : undefined}
                data-testid={`variable-${name}`}
                className={`${inputClass} resize-y py-1.5 text-sm ${field.kind === "text" ? "" : "font-mono text-xs"} ${field.kind === "invalid-json" ? "border-red-400 dark:border-red-800" : ""}`}
              />
            )}
            {field.kind === "invalid-json" ? (
              <p id={noteId} role="alert" data-testid={`variable-error-${name}`} className="text-xs text-red-700 dark:text-red-300">
                Not valid JSON ({field.error}): it will be sent as plain text, exactly as typed.
              </p>
            ) : mode === "json" && field.kind === "text" && value.trim() ? (
              <p data-testid={`variable-note-${name}`} className="text-xs text-zinc-500">
                Not an object or array: it will be sent as plain text.
              </p>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
