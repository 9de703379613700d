"use client";
import { useState } from "react";
import { FormDialog } from "@/components/ui/form-dialog";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { toast } from "@/components/ui/toast";
import { fromLogsSchema } from "@/lib/datasets/schemas";
import { useAddItems } from "@/lib/hooks/use-datasets";
import { RANGE_PRESETS, usePromptOptions } from "@/lib/hooks/use-logs";
import { LOG_STATUSES } from "@/lib/logs/schemas";

/**
 * A backtest set: the logs a filter picks (prompt, version or label, status, time range,
 * optionally a random sample) become items, logged variables as variables and the logged
 * answer as expected.
 */
export function FromLogsDialog({ datasetId, onClose }: { datasetId: string; onClose: () => void }) {
  const prompts = usePromptOptions();
  const add = useAddItems(datasetId);
  const [prompt, setPrompt] = useState("");
  const [version, setVersion] = useState("");
  const [status, setStatus] = useState("success");
  const [range, setRange] = useState("7d");
  const [sample, setSample] = useState("");
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    setError(null);
    const since = RANGE_PRESETS.find((preset) => preset.value === range);
    // A number is a version; anything else names a label.
    const pick = version.trim() === "" ? {} : /^\d+$/.test(version.trim()) ? { version: Number(version) } : { label: version.trim() };
    const parsed = fromLogsSchema.safeParse({
      ...(prompt ? { prompt } : {}),
      ...pick,
      ...(status ? { status } : {}),
      ...(since ? { since: new Date(Date.now() - since.ms).toISOString() } : {}),
      ...(sample ? { sample: Number(sample) } : {}),
    });
    if (!parsed.success) return setError(parsed.error.issues.map((issue) => `${issue.path.join(".") || "filter"}: ${issue.message}`).join("; "));
    try {
      // Sent as typed (dates as ISO text): the server parses the same schema.
      const body = { from_logs: JSON.parse(JSON.stringify(parsed.data)) as typeof parsed.data };
      const result = await add.mutateAsync(body);
      toast.success(`Added ${result.added} items from logs: version ${result.version}`);
      onClose();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };

  return (
    <FormDialog
      title="Add from logs"
      description="Each matching log becomes an item: its variables, and the answer it got as expected."
      onClose={onClose}
      submit={submit}
      submitLabel={add.isPending ? "Adding…" : "Add"}
      submitDisabled={add.isPending}
      submitTestId="from-logs-submit"
      error={error}
      errorTestId="from-logs-error"
      testId="from-logs-dialog"
    >
      <SelectField label="Prompt" id="from-logs-prompt" data-testid="from-logs-prompt" value={prompt} onChange={(e) => setPrompt(e.target.value)} autoFocus>
        <option value="">All prompts</option>
        {(prompts.data ?? []).map((option) => (
          <option key={option.id} value={option.id}>
            {option.name}
          </option>
        ))}
      </SelectField>
      {prompt ? (
        <TextField label="Version or label (optional)" id="from-logs-version" data-testid="from-logs-version" placeholder="3, or production" value={version} onChange={(e) => setVersion(e.target.value)} />
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label="Status" id="from-logs-status" data-testid="from-logs-status" value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">Any</option>
          {LOG_STATUSES.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </SelectField>
        <SelectField label="Time" id="from-logs-range" data-testid="from-logs-range" value={range} onChange={(e) => setRange(e.target.value)}>
          {RANGE_PRESETS.map((preset) => (
            <option key={preset.value} value={preset.value}>
              {preset.label}
            </option>
          ))}
          <option value="">Any time</option>
        </SelectField>
      </div>
      <TextField label="Random sample of (optional)" id="from-logs-sample" data-testid="from-logs-sample" type="number" min={1} placeholder="All matching logs" value={sample} onChange={(e) => setSample(e.target.value)} />
    </FormDialog>
  );
}
