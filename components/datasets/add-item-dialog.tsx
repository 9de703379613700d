"use client";
import { useState } from "react";
import { FormDialog } from "@/components/ui/form-dialog";
import { inputClass } from "@/components/ui/text-field";
import { toast } from "@/components/ui/toast";
import { useAddItems } from "@/lib/hooks/use-datasets";
import { parseExpected, parseObject } from "./format";

/** One item typed in by hand: variables as JSON, the expected answer as text (or JSON). */
export function AddItemDialog({ datasetId, onClose }: { datasetId: string; onClose: () => void }) {
  const [variables, setVariables] = useState("{\n  \n}");
  const [expected, setExpected] = useState("");
  const [expectedJson, setExpectedJson] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const add = useAddItems(datasetId);

  const submit = async () => {
    const vars = parseObject(variables, "variables");
    if ("error" in vars) return setError(vars.error);
    const answer = parseExpected(expected, expectedJson);
    if ("error" in answer) return setError(answer.error);
    try {
      const result = await add.mutateAsync({ variables: vars.value, ...(answer.value === null ? {} : { expected: answer.value }) });
      toast.success(`Item added: version ${result.version}`);
      onClose();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };

  return (
    <FormDialog title="Add item" onClose={onClose} submit={submit} submitLabel={add.isPending ? "Adding…" : "Add"} submitDisabled={add.isPending} submitTestId="add-item-submit" error={error} errorTestId="add-item-error" testId="add-item-dialog">
      <label htmlFor="add-item-variables" className="block space-y-1">
        <span className="text-sm font-medium text-zinc-700 dark:text-zinc-300">Variables (JSON object)</span>
        <textarea id="add-item-variables" data-testid="add-item-variables" rows={5} value={variables} onChange={(e) => setVariables(e.target.value)} className={`${inputClass} font-mono text-xs`} autoFocus />
      </label>
      <label htmlFor="add-item-expected" className="block space-y-1">
        <span className="flex items-center justify-between text-sm font-medium text-zinc-700 dark:text-zinc-300">
          Expected answer (optional)
          <span className="flex items-center gap-1 text-xs font-normal">
            <input type="checkbox" checked={expectedJson} onChange={(e) => setExpectedJson(e.target.checked)} /> JSON
          </span>
        </span>
        <textarea id="add-item-expected" data-testid="add-item-expected" rows={3} value={expected} onChange={(e) => setExpected(e.target.value)} className={inputClass} />
      </label>
    </FormDialog>
  );
}
