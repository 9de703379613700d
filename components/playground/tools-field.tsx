"use client";
import { fieldClass } from "@/components/prompts/field-class";
import { CodeEditor } from "@/components/editor/code-editor";
import type { ProviderInfo } from "@/lib/hooks/use-providers";
import type { DraftSettings } from "@/lib/playground/draft";
import { unsupportedReason } from "./capabilities";
import { DisabledReason } from "./disabled-reason";

const EXAMPLE_TOOLS = JSON.stringify(
  [
    {
      type: "function",
      function: {
        name: "get_weather",
        description: "Current weather for a city",
        parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
      },
    },
  ],
  null,
  2,
);

function toolNames(text: string): string[] {
  try {
    const tools: unknown = JSON.parse(text);
    if (!Array.isArray(tools)) return [];
    return tools.map((tool) => (tool as { function?: { name?: unknown } })?.function?.name).filter((name): name is string => typeof name === "string");
  } catch {
    return [];
  }
}

const forced = (name: string) => JSON.stringify({ type: "function", function: { name } });

/** Tools as a validated JSON array, and which one (if any) the model must call. */
export function ToolsField({
  settings,
  provider,
  readOnly,
  errors,
  onChange,
}: {
  settings: DraftSettings;
  provider: ProviderInfo | null;
  readOnly: boolean;
  errors: { tools?: string; toolChoice?: string };
  onChange: (patch: Partial<DraftSettings>) => void;
}) {
  const reason = unsupportedReason(provider, "tools", settings.model);
  const disabled = readOnly || (Boolean(reason) && !settings.tools.trim());
  const names = toolNames(settings.tools);
  return (
    <div className="space-y-2">
      <DisabledReason reason={reason} testId="reason-tools" />
      {settings.tools.trim() || readOnly ? (
        <CodeEditor
          language="json"
          value={settings.tools}
          onChange={(tools) => onChange({ tools })}
          readOnly={disabled}
          invalid={Boolean(errors.tools)}
          ariaLabel="Tools (JSON array)"
          testId="tools-editor"
          placeholder="[]"
          minHeight="6rem"
        />
      ) : (
        <button
          type="button"
          disabled={disabled}
          title={reason ?? undefined}
          data-testid="add-tools"
          onClick={() => onChange({ tools: EXAMPLE_TOOLS })}
          className="w-full rounded-md border border-dashed border-zinc-300 py-1.5 text-xs text-zinc-500 hover:border-indigo-400 hover:text-indigo-600 disabled:cursor-not-allowed disabled:opacity-40 dark:border-zinc-700"
        >
          + Add a tool
        </button>
      )}
      {errors.tools ? (
        <p className="text-xs text-red-600 dark:text-red-400" role="alert" data-testid="tools-error">
          {errors.tools}
        </p>
      ) : null}
      {names.length > 0 ? (
        <label className="flex items-center justify-between gap-2 text-xs font-medium text-zinc-700 dark:text-zinc-300">
          Tool choice
          <select
            value={settings.toolChoice}
            disabled={readOnly}
            onChange={(e) => onChange({ toolChoice: e.target.value })}
            data-testid="tool-choice"
            className={`${fieldClass} w-40 py-1 text-xs`}
          >
            <option value="">default</option>
            <option value="auto">auto</option>
            <option value="none">none</option>
            <option value="required">required</option>
            {names.map((name) => (
              <option key={name} value={forced(name)}>
                call {name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
    </div>
  );
}
