"use client";
import { CodeEditor } from "@/components/editor/code-editor";
import type { ProviderInfo } from "@/lib/hooks/use-providers";
import { EXAMPLE_SCHEMA, type DraftSettings, type ResponseFormatType } from "@/lib/playground/draft";
import { unsupportedReason } from "./capabilities";
import { DisabledReason } from "./disabled-reason";

const OPTIONS: { value: ResponseFormatType; label: string; capability?: "jsonMode" | "jsonSchema" }[] = [
  { value: "text", label: "Text" },
  { value: "json_object", label: "JSON", capability: "jsonMode" },
  { value: "json_schema", label: "Schema", capability: "jsonSchema" },
];

/** text / json_object / json_schema, the schema in a JSON editor. */
export function ResponseFormatField({
  settings,
  provider,
  readOnly,
  error,
  onChange,
}: {
  settings: DraftSettings;
  provider: ProviderInfo | null;
  readOnly: boolean;
  error?: string;
  onChange: (patch: Partial<DraftSettings>) => void;
}) {
  const reasons = OPTIONS.map((option) => (option.capability ? unsupportedReason(provider, option.capability, settings.model) : null));
  const currentReason = reasons[OPTIONS.findIndex((o) => o.value === settings.responseFormat)];
  return (
    <div className="space-y-2">
      <div role="radiogroup" aria-label="Response format" className="grid grid-cols-3 rounded-md bg-zinc-100 p-0.5 dark:bg-zinc-800">
        {OPTIONS.map((option, i) => {
          const active = settings.responseFormat === option.value;
          return (
            <button
              key={option.value}
              type="button"
              role="radio"
              aria-checked={active}
              disabled={readOnly || (Boolean(reasons[i]) && !active)}
              title={reasons[i] ?? undefined}
              data-testid={`response-format-${option.value}`}
              onClick={() => onChange({ responseFormat: option.value, ...(option.value === "json_schema" && !settings.jsonSchema ? { jsonSchema: EXAMPLE_SCHEMA } : {}) })}
              className={`rounded px-2 py-1 text-xs font-medium disabled:cursor-not-allowed disabled:opacity-40 ${
                active ? "bg-white text-zinc-900 shadow-sm dark:bg-zinc-950 dark:text-zinc-100" : "text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100"
              }`}
            >
              {option.label}
            </button>
          );
        })}
      </div>
      <DisabledReason reason={currentReason ?? reasons.find(Boolean) ?? null} testId="reason-response-format" />
      {settings.responseFormat === "json_schema" ? (
        <>
          <CodeEditor
            language="json"
            value={settings.jsonSchema}
            onChange={(jsonSchema) => onChange({ jsonSchema })}
            readOnly={readOnly}
            invalid={Boolean(error)}
            ariaLabel="JSON schema"
            testId="json-schema-editor"
            minHeight="8rem"
          />
          {error ? (
            <p className="text-xs text-red-600 dark:text-red-400" role="alert" data-testid="json-schema-error">
              {error}
            </p>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
