"use client";
import { useState } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { Collection } from "@/lib/hooks/use-collections";
import { useArchivePrompt, useDeletePrompt, useUpdatePromptMeta, type PromptSummary } from "@/lib/hooks/use-prompts";
import { DuplicatePromptDialog } from "./duplicate-prompt-dialog";
import { FolderSelect } from "./folder-select";
import { RenamePromptDialog } from "./rename-prompt-dialog";
import { Dialog } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toast";

export type PromptAction = { kind: "move" | "delete" | "rename" | "duplicate" | "archive"; prompt: PromptSummary };

const TITLES = { move: "Move prompt", delete: "Delete prompt", archive: "Archive prompt" } as const;
const SUBMITS = { move: "Move", delete: "Delete prompt", archive: "Archive" } as const;

/** The list's actions on one prompt: each opens its dialog. */
export function PromptActionDialog({ action, folders, onClose }: { action: PromptAction; folders: Collection[]; onClose: () => void }) {
  if (action.kind === "rename") return <RenamePromptDialog prompt={action.prompt} onClose={onClose} />;
  if (action.kind === "duplicate") return <DuplicatePromptDialog prompt={action.prompt} folders={folders} onClose={onClose} />;
  return <SimpleActionDialog action={{ ...action, kind: action.kind }} folders={folders} onClose={onClose} />;
}

/** Move a prompt to another folder, archive it, or delete it with all its versions. */
function SimpleActionDialog({ action, folders, onClose }: { action: { kind: "move" | "delete" | "archive"; prompt: PromptSummary }; folders: Collection[]; onClose: () => void }) {
  const move = useUpdatePromptMeta();
  const remove = useDeletePrompt();
  const archive = useArchivePrompt();
  const [folder, setFolder] = useState(action.prompt.collection_id);
  const [error, setError] = useState<string | null>(null);
  // A label still points at it: the API refuses unless forced, and says which labels.
  const [inUse, setInUse] = useState(false);
  const pending = move.isPending || remove.isPending || archive.isPending;
  const { kind, prompt } = action;

  async function submit() {
    setError(null);
    try {
      if (kind === "move") {
        await move.mutateAsync({ id: prompt.id, collection_id: folder });
        toast.success(`Moved "${prompt.name}" to ${folders.find((f) => f.id === folder)?.name ?? "folder"}`);
      } else if (kind === "archive") {
        await archive.mutateAsync({ id: prompt.id, archive: true, force: inUse });
        toast.success(`Archived "${prompt.name}"`);
      } else {
        await remove.mutateAsync(prompt.id);
        toast.success(`Deleted "${prompt.name}"`);
      }
      onClose();
    } catch (e) {
      if ((e as { code?: string }).code === "prompt_in_use" && kind === "archive") setInUse(true);
      setError((e as Error).message);
    }
  }

  return (
    <Dialog
      open
      onClose={onClose}
      size="sm"
      title={TITLES[kind]}
      testId="prompt-action-dialog"
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button variant={kind === "move" ? "primary" : "danger"} onClick={submit} disabled={pending} data-testid="prompt-action-submit">
            {pending ? "Working…" : inUse ? "Archive anyway" : SUBMITS[kind]}
          </Button>
        </>
      }
    >
      {kind === "move" ? (
        <label htmlFor="move-prompt-folder" className="block space-y-1">
          <span className="text-sm font-medium text-zinc-700 dark:text-zinc-300">Move &ldquo;{prompt.name}&rdquo; to</span>
          <FolderSelect id="move-prompt-folder" folders={folders} value={folder} onChange={setFolder} testId="move-prompt-folder" />
        </label>
      ) : kind === "archive" ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-300">
          Archive &ldquo;{prompt.name}&rdquo;? It leaves the list (the Archived filter shows it) and calls to <code className="font-mono text-xs">{prompt.slug}</code> are refused
          with 409 until you restore it. Versions, labels and logs are kept.
        </p>
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-300">
          Delete &ldquo;{prompt.name}&rdquo; with all its versions and labels? Callers using <code className="font-mono text-xs">{prompt.slug}</code> will get 404.
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
