"use client";
import { useState } from "react";
import { FormDialog } from "@/components/ui/form-dialog";
import { inputClass } from "@/components/ui/text-field";
import { useDialogAction } from "@/components/ui/use-dialog-action";
import { useCreateReleaseRequest } from "@/lib/hooks/use-release-requests";

/** Proposes a version for a label the member may not move: reviewers approve, then it is merged. */
export function RequestReleaseDialog({ promptId, version, label, onClose }: { promptId: string; version: number; label: string; onClose: () => void }) {
  const create = useCreateReleaseRequest();
  const [comment, setComment] = useState("");
  const { error, run } = useDialogAction(onClose);
  const submit = () =>
    run(async () => {
      await create.mutateAsync({ prompt_id: promptId, version, label, comment: comment.trim() || null });
      return `Release of v${version} to ${label} requested: reviewers see it under Releases`;
    });
  return (
    <FormDialog
      onClose={onClose}
      size="sm"
      title={`Request release of v${version} to ${label}`}
      description={`${label} is protected: the owner and publishers move it. Reviewers compare v${version} with what ${label} serves now, approve, and merge.`}
      submit={submit}
      submitLabel="Request release"
      submitDisabled={create.isPending}
      submitTestId="release-request-submit"
      error={error}
    >
      <label htmlFor="release-comment" className="mb-1 block text-sm font-medium">
        Why this version? <span className="font-normal text-zinc-500">(optional)</span>
      </label>
      <textarea id="release-comment" data-testid="release-request-comment" rows={4} maxLength={5000} value={comment} onChange={(e) => setComment(e.target.value)} className={inputClass} />
    </FormDialog>
  );
}
