"use client";
import { useState } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { Collection } from "@/lib/hooks/use-collections";
import { useDeletePrompt, useUpdatePromptMeta, type PromptSummary } from "@/lib/hooks/use-prompts";
import { FolderSelect } from "./folder-select";
import { Dialog } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toast";

export type PromptAction = { kind: "move" | "delete"; prompt: PromptSummary };

/** Move a prompt to another folder, or delete it with all its versions. */
export function PromptActionDialog({ action, folders, onClose }: { action: PromptAction; folders: Collection[]; onClose: () => void }) {
  const move = useUpdatePromptMeta();
  const remove = useDeletePrompt();
  const [folder, setFolder] = useState(action.prompt.collection_id);
  const [error, setError] = useState<string | null>(null);
  const pending = move.isPending || remove.isPending;

  async function submit() {
    setError(null);
    try {
      if (action.kind === "move") {
        await move.mutateAsync({ id: action.prompt.id, collection_id: folder });
        toast.success(`Moved "${action.prompt.name}" to ${folders.find((f) => f.id === folder)?.name ?? "folder"}`);
      } else {
        await remove.mutateAsync(action.prompt.id);
        toast.success(`Deleted "${action.prompt.name}"`);
      }
      onClose();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  const isMove = action.kind === "move";
  return (
    <Dialog
      open
      onClose={onClose}
      size="sm"
      title={isMove ? "Move prompt" : "Delete prompt"}
      testId="prompt-action-dialog"
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button variant={isMove ? "primary" : "danger"} onClick={submit} disabled={pending} data-testid="prompt-action-submit">
            {pending ? "Working…" : isMove ? "Move" : "Delete prompt"}
          </Button>
        </>
      }
    >
      {isMove ? (
        <label htmlFor="move-prompt-folder" className="block space-y-1">
          <span className="text-sm font-medium text-zinc-700 dark:text-zinc-300">Move &ldquo;{action.prompt.name}&rdquo; to</span>
          <FolderSelect id="move-prompt-folder" folders={folders} value={folder} onChange={setFolder} testId="move-prompt-folder" />
        </label>
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-300">
          Delete &ldquo;{action.prompt.name}&rdquo; with all its versions and labels? Callers using <code className="font-mono text-xs">{action.prompt.slug}</code> will get 404.
          Its logs are kept.
        </p>
      )}
      {error ? (
        <div className="mt-4">
          <ErrorAlert testId="prompt-action-error">{error}</ErrorAlert>
        </div>
      ) : null}
    </Dialog>
  );
}
