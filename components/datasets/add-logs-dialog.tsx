"use client";
import { useState } from "react";
import { FormDialog } from "@/components/ui/form-dialog";
import { SelectField } from "@/components/ui/select-field";
import { toast } from "@/components/ui/toast";
import { useAddLogsToDataset, useDatasets } from "@/lib/hooks/use-datasets";

/** Selected logs into a dataset: their variables as variables, their answers as expected. */
export function AddLogsDialog({ logIds, onClose }: { logIds: string[]; onClose: () => void }) {
  const datasets = useDatasets();
  const add = useAddLogsToDataset();
  const list = datasets.data?.data ?? [];
  const [picked, setPicked] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const target = picked ?? list[0]?.id ?? "";

  const submit = async () => {
    if (!target) return setError("Create a dataset first (Datasets page)");
    try {
      const result = await add.mutateAsync({ datasetId: target, logIds });
      toast.success(`Added to the dataset: version ${result.version}`);
      onClose();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };

  return (
    <FormDialog
      title="Add to dataset"
      description="The logged variables become the item's variables, the logged answer its expected answer."
      onClose={onClose}
      submit={submit}
      submitLabel={add.isPending ? "Adding…" : "Add"}
      submitDisabled={add.isPending || datasets.isPending}
      submitTestId="add-logs-submit"
      error={error}
      errorTestId="add-logs-error"
      testId="add-logs-dialog"
      size="sm"
    >
      <SelectField label="Dataset" id="add-logs-dataset" data-testid="add-logs-dataset" value={target} onChange={(e) => setPicked(e.target.value)} autoFocus>
        {list.length === 0 ? <option value="">No datasets yet</option> : null}
        {list.map((dataset) => (
          <option key={dataset.id} value={dataset.id}>
            {dataset.name}
          </option>
        ))}
      </SelectField>
    </FormDialog>
  );
}
