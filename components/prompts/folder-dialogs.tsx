"use client";
import { friendlyErrors, friendlySummary } from "@/components/ui/form-errors";
import { useState } from "react";
import { TextField } from "@/components/ui/text-field";
import { createCollectionSchema } from "@/lib/collections/schemas";
import { useCreateCollection, useDeleteCollection, useUpdateCollection, type Collection } from "@/lib/hooks/use-collections";
import { FolderSelect } from "./folder-select";
import { subtreeIds } from "./folder-model";
import { FormDialog } from "@/components/ui/form-dialog";
import { toast } from "@/components/ui/toast";

export type FolderAction =
  | { kind: "create"; parentId: string | null }
  | { kind: "rename"; folder: Collection }
  | { kind: "move"; folder: Collection }
  | { kind: "delete"; folder: Collection };

/** The dialog for one folder action; `onDone` gets the folder to select afterwards. */
export function FolderDialog({ action, folders, onClose, onDone }: { action: FolderAction; folders: Collection[]; onClose: () => void; onDone: (selectId: string | null) => void }) {
  const create = useCreateCollection();
  const update = useUpdateCollection();
  const remove = useDeleteCollection();
  const [name, setName] = useState(action.kind === "rename" ? action.folder.name : "");
  const [parent, setParent] = useState(action.kind === "move" ? (action.folder.parent_collection_id ?? "") : "");
  const [error, setError] = useState<string | null>(null);
  const pending = create.isPending || update.isPending || remove.isPending;

  const fail = (e: unknown) => setError(e instanceof Error ? e.message : String(e));
  async function submit() {
    setError(null);
    try {
      if (action.kind === "create" || action.kind === "rename") {
        // The API's own schema: the same rules and messages as a 400 would give.
        const parsed = createCollectionSchema.shape.name.safeParse(name);
        if (!parsed.success) return setError(friendlySummary(friendlyErrors(parsed.error, { form: "Name" })));
        if (action.kind === "create") {
          const created = await create.mutateAsync({ name: parsed.data, parent_collection_id: action.parentId });
          toast.success(`Folder "${parsed.data}" created`);
          return onDone(created.id);
        }
        await update.mutateAsync({ id: action.folder.id, name: parsed.data });
        toast.success(`Folder renamed to "${parsed.data}"`);
        return onDone(action.folder.id);
      }
      if (action.kind === "move") {
        await update.mutateAsync({ id: action.folder.id, parent_collection_id: parent || null });
        toast.success(`Folder "${action.folder.name}" moved`);
        return onDone(action.folder.id);
      }
      await remove.mutateAsync(action.folder.id);
      toast.success(`Folder "${action.folder.name}" deleted`);
      onDone(null);
    } catch (e) {
      fail(e);
    }
  }

  const titles = { create: "New folder", rename: "Rename folder", move: "Move folder", delete: "Delete folder" };
  const submitLabel = { create: "Create folder", rename: "Rename", move: "Move", delete: "Delete folder" }[action.kind];
  return (
    <FormDialog
      onClose={onClose}
      title={titles[action.kind]}
      size="sm"
      testId="folder-dialog"
      description={action.kind === "create" && action.parentId ? `Inside ${folders.find((f) => f.id === action.parentId)?.name ?? "folder"}` : undefined}
      submit={submit}
      submitLabel={pending ? "Working…" : submitLabel}
      submitDisabled={pending}
      submitTestId="folder-dialog-submit"
      submitVariant={action.kind === "delete" ? "danger" : "primary"}
      error={error}
      errorTestId="folder-dialog-error"
    >
        {action.kind === "create" || action.kind === "rename" ? (
          <TextField id="folder-name" label="Name" value={name} autoFocus onChange={(e) => setName(e.target.value)} data-testid="folder-name" placeholder="e.g. Support" />
        ) : null}
        {action.kind === "move" ? (
          <label htmlFor="folder-parent" className="block space-y-1">
            <span className="text-sm font-medium text-zinc-700 dark:text-zinc-300">Move &ldquo;{action.folder.name}&rdquo; into</span>
            <FolderSelect id="folder-parent" folders={folders} value={parent} onChange={setParent} exclude={subtreeIds(folders, action.folder.id)} rootLabel="Top level" testId="folder-parent" />
          </label>
        ) : null}
        {action.kind === "delete" ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-300">
            Delete &ldquo;{action.folder.name}&rdquo;? Only an empty folder can be deleted: move its prompts and sub-folders out first.
          </p>
        ) : null}
    </FormDialog>
  );
}
