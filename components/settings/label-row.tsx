"use client";
import { useState, type FormEvent } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import { Td } from "@/components/ui/table";
import { inputClass } from "@/components/ui/text-field";
import { toast } from "@/components/ui/toast";
import type { Label } from "@/lib/hooks/use-labels";
import { useUpdateLabel } from "./use-label-mutations";
import { updateLabelSchema } from "@/lib/labels/schemas";
import { fieldErrors } from "./field-error";

const SYSTEM_HINT = "System labels can't be renamed or deleted";

/** One label; custom ones edit in place (name and description). */
export function LabelRow({ label, onDelete }: { label: Label; onDelete: () => void }) {
  const update = useUpdateLabel();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(label.name);
  const [description, setDescription] = useState(label.description ?? "");
  const [error, setError] = useState<string | null>(null);

  function startEditing() {
    setName(label.name);
    setDescription(label.description ?? "");
    setError(null);
    setEditing(true);
  }

  function save(event: FormEvent) {
    event.preventDefault();
    const parsed = updateLabelSchema.safeParse({ name, description: description.trim() || null });
    if (!parsed.success) return setError(Object.values(fieldErrors(parsed.error))[0] ?? "Invalid label");
    update.mutate(
      { id: label.id, ...parsed.data },
      {
        onSuccess: (saved) => {
          toast.success(saved.name === label.name ? `Label “${saved.name}” saved` : `Label renamed to “${saved.name}”`);
          setEditing(false);
        },
        onError: (failure) => setError(failure.message),
      },
    );
  }

  const formId = `label-edit-${label.id}`;
  return (
    <tr data-testid={`label-row-${label.name}`}>
      <Td className="font-medium">
        {editing ? (
          <form id={formId} onSubmit={save} onKeyDown={(event) => event.key === "Escape" && setEditing(false)}>
            <input aria-label="Label name" value={name} onChange={(e) => setName(e.target.value)} className={inputClass} autoFocus data-testid="label-rename-input" />
          </form>
        ) : (
          <span className="inline-flex items-center gap-2">
            <span aria-hidden className="h-2.5 w-2.5 rounded-full bg-zinc-300 dark:bg-zinc-600" style={label.color_code ? { backgroundColor: label.color_code } : undefined} />
            <span className="font-mono">{label.name}</span>
          </span>
        )}
        {error ? <p role="alert" data-testid="label-rename-error" className="mt-1 text-xs font-normal text-red-600 dark:text-red-400">{error}</p> : null}
      </Td>
      <Td className="text-zinc-600 dark:text-zinc-400">
        {editing ? (
          <input form={formId} aria-label="Label description" value={description} onChange={(e) => setDescription(e.target.value)} className={inputClass} />
        ) : (
          label.description || <span className="text-zinc-400">—</span>
        )}
      </Td>
      <Td>{label.is_system ? <Badge tone="info" title={SYSTEM_HINT}>System</Badge> : <Badge>Custom</Badge>}</Td>
      <Td className="text-zinc-500">
        <RelativeTime iso={label.updated_at} />
      </Td>
      <Td className="text-right whitespace-nowrap">
        {label.is_system ? (
          <span className="text-xs text-zinc-400" data-testid={`label-locked-${label.name}`}>
            Built in
          </span>
        ) : editing ? (
          <>
            <Button variant="ghost" onClick={() => setEditing(false)}>
              Cancel
            </Button>
            <Button type="submit" form={formId} disabled={update.isPending} data-testid="label-rename-save">
              {update.isPending ? "Saving…" : "Save"}
            </Button>
          </>
        ) : (
          <>
            <Button variant="ghost" onClick={startEditing} data-testid={`label-rename-${label.name}`} aria-label={`Rename ${label.name}`}>
              Rename
            </Button>
            <Button variant="ghost" className="text-red-600! hover:bg-red-50! dark:text-red-400! dark:hover:bg-red-950!" onClick={onDelete} data-testid={`label-delete-${label.name}`} aria-label={`Delete ${label.name}`}>
              Delete
            </Button>
          </>
        )}
      </Td>
    </tr>
  );
}
