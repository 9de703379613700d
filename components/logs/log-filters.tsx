"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { PLAIN_FILTERS, RANGE_PRESETS, usePromptOptions, type LogFilters as Filters } from "@/lib/hooks/use-logs";
import { LOG_STATUSES, type LogStatus } from "@/lib/logs/schemas";
import { fromLocalInput, toLocalInput } from "./format";

/** Search, prompt, status, time range, a metadata pair and the other columns; every change lands in the URL (see logs-view.tsx), so a filter is a link. */
export function LogFilters({ filters, onChange }: { filters: Filters; onChange: (next: Filters) => void }) {
  const prompts = usePromptOptions();
  const options = prompts.data ?? [];
  // A prompt named in the URL but not in the first page of prompts is still selectable.
  const unknownPrompt = filters.prompt && !options.some((p) => p.id === filters.prompt || p.slug === filters.prompt);
  const active = Boolean(filters.prompt || filters.status || filters.range || filters.metadata || PLAIN_FILTERS.some((key) => filters[key]));
  const set = (key: (typeof PLAIN_FILTERS)[number]) => (value: string | undefined) => onChange({ ...filters, [key]: value });

  return (
    <div className="flex flex-wrap items-end gap-3" data-testid="log-filters" role="search" aria-label="Filter logs">
      <TextFilter id="log-filter-q" label="Search" placeholder="Words of the input or output" width="w-64" value={filters.q} onChange={set("q")} />
      <div className="w-64">
        <SelectField
          id="log-filter-prompt"
          label="Prompt"
          value={filters.prompt ?? ""}
          onChange={(event) => onChange({ ...filters, prompt: event.target.value || undefined })}
        >
          <option value="">All prompts</option>
          {unknownPrompt ? <option value={filters.prompt}>{filters.prompt}</option> : null}
          {options.map((prompt) => (
            <option key={prompt.id} value={prompt.id}>
              {prompt.name}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="w-40">
        <SelectField
          id="log-filter-status"
          label="Status"
          value={filters.status ?? ""}
          onChange={(event) => onChange({ ...filters, status: (event.target.value || undefined) as LogStatus | undefined })}
        >
          <option value="">Any status</option>
          {LOG_STATUSES.map((status) => (
            <option key={status} value={status}>
              {status.charAt(0).toUpperCase() + status.slice(1)}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="w-44">
        <SelectField
          id="log-filter-range"
          label="Time"
          value={filters.range ?? ""}
          onChange={(event) => onChange({ ...filters, range: event.target.value || undefined, from: undefined, to: undefined })}
        >
          <option value="">Any time</option>
          {RANGE_PRESETS.map((preset) => (
            <option key={preset.value} value={preset.value}>
              {preset.label}
            </option>
          ))}
          <option value="custom">Custom range…</option>
        </SelectField>
      </div>
      {filters.range === "custom" ? (
        <>
          <TimeBound id="log-filter-from" label="From" value={filters.from} onChange={(from) => onChange({ ...filters, from })} />
          <TimeBound id="log-filter-to" label="To" value={filters.to} onChange={(to) => onChange({ ...filters, to })} />
        </>
      ) : null}
      <TextFilter id="log-filter-metadata" label="Metadata" placeholder="key=value" value={filters.metadata} onChange={(metadata) => onChange({ ...filters, metadata })} />
      <TextFilter id="log-filter-version" label="Version" placeholder="3" width="w-20" value={filters.version} onChange={set("version")} />
      <TextFilter id="log-filter-label" label="Label" placeholder="production" width="w-32" value={filters.label} onChange={set("label")} />
      <TextFilter id="log-filter-model" label="Model" placeholder="gpt-4o-mini" width="w-40" value={filters.model} onChange={set("model")} />
      <TextFilter id="log-filter-provider" label="Provider" placeholder="openai" width="w-32" value={filters.provider} onChange={set("provider")} />
      <TextFilter id="log-filter-api-key" label="API key id" width="w-40" value={filters.api_key_id} onChange={set("api_key_id")} />
      <TextFilter id="log-filter-trace" label="Trace id" width="w-48" value={filters.trace_id} onChange={set("trace_id")} />
      {active ? (
        <Button variant="ghost" onClick={() => onChange({})} data-testid="log-filters-clear">
          Clear filters
        </Button>
      ) : null}
    </div>
  );
}

/** A text filter (the search, a metadata `key=value` pair, a model...), applied on Enter or when the field is left. */
function TextFilter(props: { id: string; label: string; placeholder?: string; width?: string; value: string | undefined; onChange: (value: string | undefined) => void }) {
  const { id, label, placeholder, width = "w-52", value, onChange } = props;
  const [draft, setDraft] = useState(value ?? "");
  // The URL changed under the field (Clear filters, back button): show its value.
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setDraft(value ?? "");
  }
  const apply = () => {
    const next = draft.trim() || undefined;
    if (next !== value) onChange(next);
  };
  return (
    <form
      className={width}
      onSubmit={(event) => {
        event.preventDefault();
        apply();
      }}
    >
      <TextField id={id} label={label} placeholder={placeholder} value={draft} onChange={(event) => setDraft(event.target.value)} onBlur={apply} data-testid={id} />
    </form>
  );
}

/** One end of a custom time range, edited in the browser's local time. */
function TimeBound({ id, label, value, onChange }: { id: string; label: string; value: string | undefined; onChange: (value: string | undefined) => void }) {
  return (
    <div className="w-52">
      <TextField id={id} label={label} type="datetime-local" value={toLocalInput(value)} onChange={(event) => onChange(fromLocalInput(event.target.value))} />
    </div>
  );
}
