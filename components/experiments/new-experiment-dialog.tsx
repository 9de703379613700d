"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormDialog } from "@/components/ui/form-dialog";
import { SelectField } from "@/components/ui/select-field";
import { inputClass, TextField } from "@/components/ui/text-field";
import { toast } from "@/components/ui/toast";
import { createExperimentSchema, DEFAULT_CONCURRENCY, type ExperimentScorerInput } from "@/lib/experiments/schemas";
import { useDatasets } from "@/lib/hooks/use-datasets";
import { useCreateExperiment } from "@/lib/hooks/use-experiments";
import { usePromptVersions } from "@/lib/hooks/use-prompt-versions";
import { usePrompts } from "@/lib/hooks/use-prompts";
import { useScorers } from "@/lib/hooks/use-scorers";

/** Checks on the dataset's `expected` that need nothing saved first. */
const BUILT_IN: { id: string; label: string; spec: ExperimentScorerInput }[] = [
  { id: "exact", label: "Exact match with expected", spec: { name: "exact match", definition: { type: "exact_match", trim: true } } },
  { id: "contains", label: "Contains expected", spec: { name: "contains expected", definition: { type: "contains", ignore_case: true } } },
  { id: "similarity", label: "Similar to expected", spec: { name: "similarity", definition: { type: "similarity", ignore_case: true } } },
];

export interface TargetDraft {
  promptId: string;
  /** A version number, or "" for the published version. */
  version: string;
}

const MAX_TARGETS = 10;

function TargetRow({
  index,
  target,
  prompts,
  onChange,
  onRemove,
}: {
  index: number;
  target: TargetDraft;
  prompts: { id: string; name: string }[];
  onChange: (target: TargetDraft) => void;
  onRemove: (() => void) | null;
}) {
  const versions = usePromptVersions(target.promptId);
  return (
    <div className="flex flex-wrap items-end gap-2 sm:flex-nowrap" data-testid="experiment-target">
      <div className="min-w-0 flex-1 basis-full sm:basis-auto">
        <SelectField
          label={`Target ${index + 1}: prompt`}
          id={`experiment-target-${index}-prompt`}
          data-testid={`experiment-target-prompt-${index}`}
          value={target.promptId}
          onChange={(e) => onChange({ promptId: e.target.value, version: "" })}
        >
          <option value="">Choose a prompt…</option>
          {prompts.map((prompt) => (
            <option key={prompt.id} value={prompt.id}>
              {prompt.name}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="w-36 shrink-0">
        <SelectField
          label="Version"
          id={`experiment-target-${index}-version`}
          data-testid={`experiment-target-version-${index}`}
          value={target.version}
          disabled={!target.promptId}
          onChange={(e) => onChange({ ...target, version: e.target.value })}
        >
          <option value="">Published</option>
          {(target.promptId ? (versions.data ?? []) : []).map((version) => (
            <option key={version.id} value={String(version.prompt_version)}>
              v{version.prompt_version}
            </option>
          ))}
        </SelectField>
      </div>
      {onRemove ? (
        <Button variant="ghost" onClick={onRemove} aria-label={`Remove target ${index + 1}`} data-testid={`experiment-target-remove-${index}`}>
          ✕
        </Button>
      ) : null}
    </div>
  );
}

/**
 * Starts an experiment: a dataset, the targets (prompt versions) to run on it, scorers
 * (saved ones, or checks against `expected`), and how many cases run at once. The body is
 * checked with the API's own schema before it is sent; the page of the run opens.
 */
export function NewExperimentDialog({ onClose, initialTargets }: { onClose: () => void; initialTargets?: TargetDraft[] }) {
  const router = useRouter();
  const datasets = useDatasets();
  const prompts = usePrompts({});
  const scorers = useScorers();
  const create = useCreateExperiment();
  const [name, setName] = useState("");
  const [datasetId, setDatasetId] = useState("");
  const [targets, setTargets] = useState<TargetDraft[]>(initialTargets?.length ? initialTargets : [{ promptId: "", version: "" }]);
  const [builtIns, setBuiltIns] = useState<Set<string>>(() => new Set(["exact"]));
  const [saved, setSaved] = useState<Set<string>>(() => new Set());
  const [concurrency, setConcurrency] = useState(String(DEFAULT_CONCURRENCY));
  const [error, setError] = useState<string | null>(null);
  const promptList = (prompts.data?.pages ?? []).flatMap((page) => page.data).map((p) => ({ id: p.id, name: p.name }));

  const toggle = (set: Set<string>, id: string, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  };

  const submit = async () => {
    if (targets.some((t) => !t.promptId)) return setError("Choose a prompt for every target");
    const parsed = createExperimentSchema.safeParse({
      name: name.trim() || undefined,
      dataset_id: datasetId,
      targets: targets.map((t) => ({ prompt: t.version ? `${t.promptId}@${t.version}` : t.promptId })),
      scorers: [...BUILT_IN.filter((b) => builtIns.has(b.id)).map((b) => b.spec), ...[...saved].map((id) => ({ scorer_id: id }))],
      concurrency: Number(concurrency),
    });
    if (!parsed.success) return setError(parsed.error.issues.map((issue) => `${issue.path.join(".") || "form"}: ${issue.message}`).join("; "));
    try {
      const created = await create.mutateAsync(parsed.data);
      toast.success("Experiment started");
      onClose();
      router.push(`/experiments/${created.id}`);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };

  return (
    <FormDialog
      title="New experiment"
      description="Runs every item of a dataset through each target and scores the answers."
      onClose={onClose}
      submit={submit}
      submitLabel={create.isPending ? "Starting…" : "Start"}
      submitDisabled={create.isPending}
      submitTestId="experiment-start"
      error={error}
      errorTestId="experiment-create-error"
      testId="experiment-dialog"
      size="lg"
    >
      <TextField label="Name (optional)" id="experiment-name" data-testid="experiment-name" value={name} onChange={(e) => setName(e.target.value)} autoFocus />
      <SelectField label="Dataset" id="experiment-dataset" data-testid="experiment-dataset" value={datasetId} onChange={(e) => setDatasetId(e.target.value)} required>
        <option value="">Choose a dataset…</option>
        {(datasets.data?.data ?? []).map((dataset) => (
          <option key={dataset.id} value={dataset.id}>
            {dataset.name} ({dataset.item_count} items, v{dataset.current_version})
          </option>
        ))}
      </SelectField>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-zinc-700 dark:text-zinc-300">Targets</legend>
        {targets.map((target, index) => (
          <TargetRow
            key={index}
            index={index}
            target={target}
            prompts={promptList}
            onChange={(next) => setTargets((all) => all.map((t, i) => (i === index ? next : t)))}
            onRemove={targets.length > 1 ? () => setTargets((all) => all.filter((_, i) => i !== index)) : null}
          />
        ))}
        <Button
          variant="secondary"
          disabled={targets.length >= MAX_TARGETS}
          onClick={() => setTargets((all) => [...all, { promptId: all[all.length - 1]?.promptId ?? "", version: "" }])}
          data-testid="experiment-add-target"
        >
          Add target
        </Button>
      </fieldset>
      <fieldset className="space-y-1.5">
        <legend className="text-sm font-medium text-zinc-700 dark:text-zinc-300">Scorers</legend>
        {BUILT_IN.map((builtIn) => (
          <label key={builtIn.id} className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={builtIns.has(builtIn.id)} onChange={(e) => setBuiltIns((set) => toggle(set, builtIn.id, e.target.checked))} data-testid={`experiment-scorer-${builtIn.id}`} />
            {builtIn.label}
          </label>
        ))}
        {(scorers.data?.data ?? []).map((scorer) => (
          <label key={scorer.id} className="flex items-center gap-2 text-sm" data-testid="experiment-saved-scorer">
            <input type="checkbox" checked={saved.has(scorer.id)} onChange={(e) => setSaved((set) => toggle(set, scorer.id, e.target.checked))} />
            {scorer.name}
            <span className="text-xs text-zinc-500">{(scorer.definition as { type?: string }).type ?? ""}</span>
          </label>
        ))}
      </fieldset>
      <label htmlFor="experiment-concurrency" className="block w-40 space-y-1">
        <span className="text-sm font-medium text-zinc-700 dark:text-zinc-300">Concurrency</span>
        <input id="experiment-concurrency" type="number" min={1} max={64} data-testid="experiment-concurrency" value={concurrency} onChange={(e) => setConcurrency(e.target.value)} className={inputClass} />
      </label>
    </FormDialog>
  );
}
