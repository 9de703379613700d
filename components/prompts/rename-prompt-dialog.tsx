"use client";
import { useState } from "react";
import { FieldError, fieldErrors, type FieldErrors } from "@/components/settings/field-error";
import { FormDialog } from "@/components/ui/form-dialog";
import { TextField } from "@/components/ui/text-field";
import { useDialogAction } from "@/components/ui/use-dialog-action";
import { useUpdatePromptMeta, type PromptSummary } from "@/lib/hooks/use-prompts";
import { createPromptSchema } from "@/lib/prompts/schemas";

// The name rule of the create form: one schema for both.
const renameSchema = createPromptSchema.pick({ name: true });

/** A new name; the slug (what callers address) stays, so nothing breaks. */
export function RenamePromptDialog({ prompt, onClose }: { prompt: PromptSummary; onClose: () => void }) {
  const rename = useUpdatePromptMeta();
  const [name, setName] = useState(prompt.name);
  const [errors, setErrors] = useState<FieldErrors>({});
  const { error, run, clearError } = useDialogAction(onClose);

  async function submit() {
    clearError();
    const parsed = renameSchema.safeParse({ name });
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setErrors({});
    await run(async () => {
      await rename.mutateAsync({ id: prompt.id, name: parsed.data.name });
      return `Renamed to "${parsed.data.name}"`;
    });
  }

  return (
    <FormDialog
      onClose={onClose}
      size="sm"
      title="Rename prompt"
      description={`Callers keep addressing it as ${prompt.slug}.`}
      testId="rename-prompt-dialog"
      submit={submit}
      submitLabel={rename.isPending ? "Renaming…" : "Rename"}
      submitDisabled={rename.isPending}
      submitTestId="rename-prompt-submit"
      error={error}
    >
      <div>
        <TextField id="rename-prompt-name" label="Name" autoFocus value={name} onChange={(e) => setName(e.target.value)} data-testid="rename-prompt-name" aria-invalid={errors.name ? true : undefined} aria-describedby="rename-prompt-name-error" />
        <FieldError id="rename-prompt-name-error" message={errors.name} />
      </div>
    </FormDialog>
  );
}
