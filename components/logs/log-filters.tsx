"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { RANGE_PRESETS, usePromptOptions, type LogFilters as Filters } from "@/lib/hooks/use-logs";
import { LOG_STATUSES, type LogStatus } from "@/lib/logs/schemas";
import { fromLocalInput, toLocalInput } from "./format";

/** Prompt, status, time range and a metadata pair; every change lands in the URL (see logs-view.tsx). */
export function LogFilters({ filters, onChange }: { filters: Filters; onChange: (next: Filters) => void }) {
  const prompts = usePromptOptions();
  const options = prompts.data ?? [];
  // A prompt named in the URL but not in the first page of prompts is still selectable.
  const unknownPrompt = filters.prompt && !options.some((p) => p.id === filters.prompt || p.slug === filters.prompt);
  const active = Boolean(filters.prompt || filters.status || filters.range || filters.metadata);

  return (
    <div className="flex flex-wrap items-end gap-3" data-testid="log-filters" role="search" aria-label="Filter logs">
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
      <MetadataFilter key={filters.metadata ?? ""} value={filters.metadata} onChange={(metadata) => onChange({ ...filters, metadata })} />
      {active ? (
        <Button variant="ghost" onClick={() => onChange({})} data-testid="log-filters-clear">
          Clear filters
        </Button>
      ) : null}
    </div>
  );
}

/** A `key=value` pair of the calls' x-portkey-metadata, applied on Enter or when the field is left. */
function MetadataFilter({ value, onChange }: { value: string | undefined; onChange: (value: string | undefined) => void }) {
  const [draft, setDraft] = useState(value ?? "");
  const apply = () => {
    const next = draft.trim() || undefined;
    if (next !== value) onChange(next);
  };
  return (
    <form
      className="w-52"
      onSubmit={(event) => {
        event.preventDefault();
        apply();
      }}
    >
      <TextField
        id="log-filter-metadata"
        label="Metadata"
        placeholder="key=value"
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={apply}
        data-testid="log-filter-metadata"
      />
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
