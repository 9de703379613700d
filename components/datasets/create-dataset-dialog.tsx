"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FolderSelect } from "@/components/prompts/folder-select";
import { FormDialog } from "@/components/ui/form-dialog";
import { inputClass, TextField } from "@/components/ui/text-field";
import { toast } from "@/components/ui/toast";
import { createDatasetSchema } from "@/lib/datasets/schemas";
import { useCollections } from "@/lib/hooks/use-collections";
import { useCreateDataset } from "@/lib/hooks/use-datasets";

/** Name, description and folder of a new, empty dataset; opens it once made. */
export function CreateDatasetDialog({ onClose }: { onClose: () => void }) {
  const router = useRouter();
  const folders = useCollections();
  const create = useCreateDataset();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [folder, setFolder] = useState("");
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    const parsed = createDatasetSchema.safeParse({ name, description: description || null, collection_id: folder || null });
    if (!parsed.success) return setError(parsed.error.issues.map((issue) => `${issue.path.join(".") || "name"}: ${issue.message}`).join("; "));
    try {
      const created = await create.mutateAsync(parsed.data);
      toast.success(`Dataset '${created.name}' created`);
      onClose();
      router.push(`/datasets/${created.id}`);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };

  return (
    <FormDialog
      title="New dataset"
      description="A set of test cases: variables, and optionally the expected answer."
      onClose={onClose}
      submit={submit}
      submitLabel={create.isPending ? "Creating…" : "Create"}
      submitDisabled={create.isPending}
      submitTestId="dataset-create-submit"
      error={error}
      errorTestId="dataset-create-error"
      testId="dataset-create-dialog"
    >
      <TextField label="Name" id="dataset-name" data-testid="dataset-name" value={name} onChange={(e) => setName(e.target.value)} autoFocus required />
      <label htmlFor="dataset-description" className="block space-y-1">
        <span className="text-sm font-medium text-zinc-700 dark:text-zinc-300">Description</span>
        <textarea id="dataset-description" data-testid="dataset-description" rows={2} value={description} onChange={(e) => setDescription(e.target.value)} className={inputClass} />
      </label>
      <label htmlFor="dataset-folder" className="block space-y-1">
        <span className="text-sm font-medium text-zinc-700 dark:text-zinc-300">Folder</span>
        <FolderSelect id="dataset-folder" testId="dataset-folder" folders={folders.data?.data ?? []} value={folder} onChange={setFolder} rootLabel="Default folder" />
      </label>
    </FormDialog>
  );
}
