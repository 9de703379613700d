"use client";
import { useState } from "react";
import { FieldError, fieldErrors, type FieldErrors } from "@/components/settings/field-error";
import { FormDialog } from "@/components/ui/form-dialog";
import { TextField } from "@/components/ui/text-field";
import { useDialogAction } from "@/components/ui/use-dialog-action";
import type { Collection } from "@/lib/hooks/use-collections";
import { useDuplicatePrompt, type PromptSummary } from "@/lib/hooks/use-prompts";
import { duplicatePromptSchema } from "@/lib/prompts/schemas";
import { FolderSelect } from "./folder-select";

/** A copy under a new name and slug: the published version alone, or every version. Labels stay with the original. */
export function DuplicatePromptDialog({ prompt, folders, onClose }: { prompt: PromptSummary; folders: Collection[]; onClose: () => void }) {
  const duplicate = useDuplicatePrompt();
  const [name, setName] = useState(`${prompt.name} (copy)`);
  const [folder, setFolder] = useState(prompt.collection_id);
  const [history, setHistory] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const { error, run, clearError } = useDialogAction(onClose);

  async function submit() {
    clearError();
    const parsed = duplicatePromptSchema.safeParse({ name, collection_id: folder, history });
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setErrors({});
    await run(async () => {
      const copy = await duplicate.mutateAsync({ id: prompt.id, ...parsed.data });
      return `Created "${copy.name}" with ${copy.versions} version${copy.versions === 1 ? "" : "s"}`;
    });
  }

  return (
    <FormDialog
      onClose={onClose}
      title="Duplicate prompt"
      description="The copy gets its own slug; labels are not copied."
      testId="duplicate-prompt-dialog"
      submit={submit}
      submitLabel={duplicate.isPending ? "Duplicating…" : "Duplicate"}
      submitDisabled={duplicate.isPending}
      submitTestId="duplicate-prompt-submit"
      error={error}
    >
      <div>
        <TextField id="duplicate-prompt-name" label="Name" autoFocus value={name} onChange={(e) => setName(e.target.value)} data-testid="duplicate-prompt-name" aria-invalid={errors.name ? true : undefined} aria-describedby="duplicate-prompt-name-error" />
        <FieldError id="duplicate-prompt-name-error" message={errors.name} />
      </div>
      <label htmlFor="duplicate-prompt-folder" className="block space-y-1">
        <span className="text-sm font-medium text-zinc-700 dark:text-zinc-300">Folder</span>
        <FolderSelect id="duplicate-prompt-folder" folders={folders} value={folder} onChange={setFolder} testId="duplicate-prompt-folder" />
      </label>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" checked={history} onChange={(e) => setHistory(e.target.checked)} className="mt-0.5" data-testid="duplicate-prompt-history" />
        <span>
          <span className="font-medium">Copy the history</span>
          <span className="block text-xs text-zinc-500">
            {history ? "Every version, with its number and description; the published one stays published." : "Off: the copy starts at v1 with the published version's template and settings."}
          </span>
        </span>
      </label>
    </FormDialog>
  );
}
