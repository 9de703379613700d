"use client";
import { useState } from "react";
import { FormDialog } from "@/components/ui/form-dialog";
import { inputClass, TextField } from "@/components/ui/text-field";
import { toast } from "@/components/ui/toast";
import { useDatasets, useSaveTestCase } from "@/lib/hooks/use-datasets";
import { showValue } from "./format";

const NEW = "__new__";

/** Saves the playground's current variables and answer as an item of a dataset (picked or new). */
export function SaveTestCaseDialog({ variables, answer, onClose }: { variables: Record<string, string>; answer: unknown; onClose: () => void }) {
  const datasets = useDatasets();
  const save = useSaveTestCase();
  const list = datasets.data?.data ?? [];
  const [picked, setPicked] = useState<string | null>(null);
  const [newName, setNewName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const target = picked ?? (list[0]?.id || NEW);

  const submit = async () => {
    if (target === NEW && !newName.trim()) return setError("Name the new dataset");
    try {
      await save.mutateAsync({ datasetId: target === NEW ? null : target, newName: newName.trim(), item: { variables, ...(answer === "" || answer === null ? {} : { expected: answer }) } });
      toast.success("Saved as a test case");
      onClose();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };

  return (
    <FormDialog
      title="Save as test case"
      description="The current variables, with the answer as the expected one."
      onClose={onClose}
      submit={submit}
      submitLabel={save.isPending ? "Saving…" : "Save"}
      submitDisabled={save.isPending || datasets.isPending}
      submitTestId="test-case-submit"
      error={error}
      errorTestId="test-case-error"
      testId="test-case-dialog"
    >
      <label htmlFor="test-case-dataset" className="block space-y-1">
        <span className="text-sm font-medium text-zinc-700 dark:text-zinc-300">Dataset</span>
        <select id="test-case-dataset" data-testid="test-case-dataset" value={target} onChange={(e) => setPicked(e.target.value)} className={inputClass} autoFocus>
          {list.map((dataset) => (
            <option key={dataset.id} value={dataset.id}>
              {dataset.name}
            </option>
          ))}
          <option value={NEW}>New dataset…</option>
        </select>
      </label>
      {target === NEW ? <TextField label="New dataset name" id="test-case-new-name" data-testid="test-case-new-name" value={newName} onChange={(e) => setNewName(e.target.value)} /> : null}
      <dl className="space-y-2 text-xs">
        <div>
          <dt className="font-medium text-zinc-600 dark:text-zinc-400">Variables</dt>
          <dd className="font-mono break-all">{showValue(variables)}</dd>
        </div>
        <div>
          <dt className="font-medium text-zinc-600 dark:text-zinc-400">Expected</dt>
          <dd className="line-clamp-4 break-words whitespace-pre-wrap">{showValue(answer) || "—"}</dd>
        </div>
      </dl>
    </FormDialog>
  );
}
