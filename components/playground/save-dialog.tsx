"use client";
import { useState } from "react";
import { FormDialog } from "@/components/ui/form-dialog";
import { friendlyErrors, friendlySummary } from "@/components/ui/form-errors";
import { toast } from "@/components/ui/toast";
import { ErrorAlert } from "@/components/ui/alert";
import { inputClass } from "@/components/ui/text-field";
import { usePublishVersion, useSavePromptVersion } from "@/lib/hooks/use-prompt";
import type { PromptVersionEntry } from "@/lib/hooks/use-prompt-versions";
import { draftAsTemplate, versionBody } from "@/lib/playground/draft-body";
import type { Draft } from "@/lib/playground/draft";
import { templateDiffText } from "@/lib/playground/version-text";
import { updatePromptSchema } from "@/lib/prompts/schemas";
import { DiffView } from "./diff-view";

const SAVE_LABELS = { string: "The template", version_description: "The description", model: "The model", parameters: "The settings", tools: "The tools", response_format: "The response format" };

/** Saves the draft as a new immutable version, optionally publishing it at once. */
export function SaveDialog({
  promptId,
  draft,
  problems,
  published,
  nextNumber,
  onClose,
  onSaved,
}: {
  promptId: string;
  draft: Draft;
  /** Validation errors of the draft: the save waits until there are none. */
  problems: string[];
  /** Shown as a diff when "Publish it" is ticked. */
  published: PromptVersionEntry | null;
  nextNumber: number;
  onClose: () => void;
  onSaved: (versionId: string) => void;
}) {
  const save = useSavePromptVersion(promptId);
  const publish = usePublishVersion(promptId);
  const [description, setDescription] = useState("");
  const [publishToo, setPublishToo] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    setError(null);
    // The API's schema first, so a problem reads as a sentence about the field, not zod's text.
    const parsed = updatePromptSchema.safeParse(versionBody(draft, description));
    if (!parsed.success) return setError(friendlySummary(friendlyErrors(parsed.error, SAVE_LABELS)));
    try {
      const saved = await save.mutateAsync(parsed.data);
      if (publishToo) await publish.mutateAsync(nextNumber);
      toast.success(publishToo ? `Saved and published v${nextNumber}` : `Saved v${nextNumber}`);
      onSaved(saved.prompt_version_id ?? "");
    } catch (e) {
      setError((e as Error).message);
    }
  }

  const pending = save.isPending || publish.isPending;
  return (
    <FormDialog
      onClose={onClose}
      title={`Save as v${nextNumber}`}
      description="Versions are immutable: this one will stay exactly as it is now."
      testId="save-dialog"
      submit={submit}
      submitLabel={pending ? "Saving…" : `Save v${nextNumber}`}
      submitDisabled={pending || problems.length > 0}
      submitTestId="save-submit"
      error={error}
      errorTestId="save-error"
    >
        <label className="block space-y-1">
          <span className="text-sm font-medium text-zinc-700 dark:text-zinc-300">
            What changed? <span className="font-normal text-zinc-400">(optional)</span>
          </span>
          <textarea
            autoFocus
            rows={3}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) {
                e.preventDefault();
                e.stopPropagation();
                void submit();
              }
            }}
            placeholder="e.g. Shorter system prompt, lower temperature"
            className={inputClass}
            data-testid="save-description"
          />
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={publishToo} onChange={(e) => setPublishToo(e.target.checked)} className="h-4 w-4 accent-indigo-600" data-testid="save-publish" />
          Publish it: calls without a version or label will use v{nextNumber}
        </label>
        {publishToo ? (
          <DiffView
            title={published ? `Template: published v${published.prompt_version} → v${nextNumber}` : `Template of v${nextNumber}`}
            before={published ? templateDiffText(published.prompt_template) : ""}
            after={templateDiffText(draftAsTemplate(draft))}
            testId="save-publish-diff"
          />
        ) : null}
        {problems.length ? (
          <ErrorAlert testId="save-problems">
            Fix these first: {problems.join("; ")}
          </ErrorAlert>
        ) : null}
    </FormDialog>
  );
}
